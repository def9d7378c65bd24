// The header row of a data table: one <th> a column, in order. A column is its Chinese title, or
// the title with a width class (`w-time`, `w-verdict`: styles.css); '' is an untitled column
// (the actions column).

export type HeadCell = string | { label: string; className: string };

export function TableHead({ cols }: { cols: readonly HeadCell[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i}>{c}</th>
          ) : (
            <th key={i} className={c.className}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
