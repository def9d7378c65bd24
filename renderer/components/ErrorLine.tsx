// One Chinese error message where the user looks: under a field (`ErrorLine`), or as a panel at
// the top of a screen (`ErrorPanel`). Nothing is rendered without a message.

export function ErrorLine({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p className="error field-error" role="alert" id={id}>
      {message}
    </p>
  );
}

export function ErrorPanel({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="panel error-panel" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
