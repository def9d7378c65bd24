// The state of the condition editor apart from its layout: the document being edited, whether it
// is saved, the server's validation as you type, the field checks, versions, the reading of pasted
// contract text (kept beside the conditions it produced), and the actions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiOutputs } from '../../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../../shared/model/types';
import { errorText, invoke } from '../../api';
import { useApp, useUnsavedChanges } from '../../state';
import { useInvoke } from '../../hooks/useInvoke';
import { emptyDoc, nextId } from '../../conditions-edit';
import { checkConditions, conditionOfMessage, formWords, questionId } from './checks';
import type { Validation } from './SidePanel';
import { mergeConditions } from './merge';

type FromText = ApiOutputs['conditions.fromText'];

/** The reading of the last pasted text, kept while the user reviews it. */
export interface Pasted {
  readings: FromText['readings'];
  /** The conditions as read, by id: what a 需确认 was before the user confirmed it. */
  asRead: Record<string, Condition>;
  /** Sentence (index in `readings`) → id of the condition written by hand for it. */
  byHand: Record<number, string>;
}

export function useConditionsEditor() {
  const app = useApp();
  const projectId = app.projectId!;
  const projectParcel = app.detail?.project.parcel ?? null;
  const loaded = useInvoke('conditions.get', { projectId });
  const templates = useInvoke('conditions.templates', {});
  const factList = useInvoke('conditions.projectFacts', {});
  const factWords = useMemo(() => factList.data ?? [], [factList.data]);
  const [doc, setDoc] = useState<ConditionsDoc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  /** The server's answer on a document (checking while it is not the current one). */
  const [answer, setAnswer] = useState<{ doc: ConditionsDoc; validation: Validation } | null>(null);
  const [pasted, setPasted] = useState<Pasted | null>(null);
  /** A condition card to bring into view (and focus) once it is on screen. */
  const [reveal, setReveal] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [viewing, setViewing] = useState<{ version: number; doc: ConditionsDoc } | null>(null);

  useUnsavedChanges(dirty, '出让条件的修改');

  // The saved document arrives once; later reloads (after a save) only refresh the versions.
  const latest = loaded.data?.latest;
  const [seenLatest, setSeenLatest] = useState<typeof latest>(undefined);
  if (latest !== seenLatest) {
    setSeenLatest(latest);
    if (latest && doc === null && !dirty) setDoc(latest.doc);
  }

  // Validation as you type (debounced): the server names the condition and the field.
  const validation: Validation = !doc ? { state: 'idle' } : answer?.doc === doc ? answer.validation : { state: 'checking' };
  useEffect(() => {
    if (!doc) return undefined;
    let alive = true;
    const t = setTimeout(() => {
      invoke('conditions.validate', { doc: doc as unknown as Record<string, unknown> })
        .then((r) => alive && setAnswer({ doc, validation: { state: 'ok', count: r.count } }))
        .catch((e: unknown) => alive && setAnswer({ doc, validation: { state: 'error', message: formWords(errorText(e), factWords) } }));
    }, 350);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [doc, factWords]);

  const check = useMemo(() => (doc ? checkConditions(doc, confirmed) : { errors: new Map(), questions: new Map() }), [doc, confirmed]);
  /** Readings still awaiting confirmation, and project facts the conditions need but nobody confirmed. */
  const flags = useMemo(() => {
    const toConfirm = doc?.conditions.filter((c) => c.toConfirm?.trim()).map((c) => c.id) ?? [];
    const facts = new Set<string>();
    for (const c of doc?.conditions ?? []) for (const f of Object.keys(c.when ?? {})) if (doc?.facts?.[f] === undefined) facts.add(f);
    return { toConfirm, facts: [...facts] };
  }, [doc]);
  const serverErrorAt = validation.state === 'error' && doc ? conditionOfMessage(validation.message, doc) : null;
  const blocked =
    check.errors.size > 0
      ? `有 ${check.errors.size} 处需要修改（见标红的输入框）`
      : check.questions.size > 0
        ? `有 ${check.questions.size} 个百分数需要确认（见输入框下方的提问）`
        : validation.state === 'error'
          ? '条件未通过校验，请按提示修改'
          : validation.state === 'checking'
            ? '正在校验…'
            : null;

  /** The project's 地块 goes into the contract information when the document has none. */
  const withProjectParcel = useCallback(
    (d: ConditionsDoc): ConditionsDoc => (projectParcel && !d.contract?.parcel ? { ...d, contract: { ...d.contract, parcel: projectParcel } } : d),
    [projectParcel],
  );

  const change = (d: ConditionsDoc) => {
    setDoc(d);
    setDirty(true);
  };
  const replace = (d: ConditionsDoc) => change(withProjectParcel(d));
  const setCondition = (i: number, c: Condition) => {
    const old = doc!.conditions[i];
    change({ ...doc!, conditions: doc!.conditions.map((x, j) => (j === i ? c : x)) });
    // A renamed condition keeps its place beside the sentence it was read from.
    if (old && old.id !== c.id && pasted && doc!.conditions.filter((x) => x.id === old.id).length === 1) setPasted(renameInPasted(pasted, { [old.id]: c.id }));
  };

  /** Conditions read from pasted text go into the editor (replacing or after the current ones). */
  const applyPaste = (r: FromText, mode: 'replace' | 'append') => {
    let renamed: Record<string, string> = {};
    if (r.doc.conditions.length > 0) {
      if (mode === 'replace' || !doc) {
        // The contract's details and the project facts already confirmed stay.
        replace({ ...r.doc, ...(doc?.contract ? { contract: doc.contract } : {}), ...(doc?.facts ? { facts: doc.facts } : {}) });
      } else {
        const merged = mergeConditions(doc, r.doc);
        renamed = merged.renamed;
        replace(merged.doc);
      }
    }
    const asRead: Record<string, Condition> = {};
    for (const c of r.doc.conditions) asRead[renamed[c.id] ?? c.id] = { ...c, id: renamed[c.id] ?? c.id };
    setPasted(renameInPasted({ readings: r.readings, asRead: {}, byHand: {} }, renamed, asRead));
  };

  const indexOf = (id: string) => doc?.conditions.findIndex((c) => c.id === id) ?? -1;
  /** The user accepts the reading of a condition marked 需确认: it becomes a plain condition. */
  const confirmReading = (id: string) => {
    const i = indexOf(id);
    if (i < 0) return;
    const { toConfirm: _dropped, ...rest } = doc!.conditions[i];
    change({ ...doc!, conditions: doc!.conditions.map((x, j) => (j === i ? (rest as Condition) : x)) });
  };
  const removeCondition = (id: string) => {
    const i = indexOf(id);
    if (i >= 0) change({ ...doc!, conditions: doc!.conditions.filter((_, j) => j !== i) });
  };
  /**
   * A refused sentence written by hand: a new condition with the sentence as its text and no
   * indicator chosen yet (it cannot be saved before the user completes it).
   */
  const writeByHand = (index: number) => {
    const r = pasted?.readings[index];
    if (!r) return;
    const base = doc ?? withProjectParcel(emptyDoc());
    const id = nextId(base);
    const c = { id, ...(r.clause ? { clause: r.clause } : {}), text: r.sentence, indicator: '', op: '>=' } as unknown as Condition;
    change({ ...base, conditions: [...base.conditions, c] });
    setPasted({ ...pasted!, byHand: { ...pasted!.byHand, [index]: id } });
    setReveal(id);
  };
  /** A project fact confirmed (true/false) or back to unconfirmed (undefined). */
  const setFact = useCallback(
    (id: string, value: boolean | undefined) => {
      setDoc((d) => {
        if (!d) return d;
        const facts = { ...d.facts };
        if (value === undefined) delete facts[id];
        else facts[id] = value;
        const { facts: _old, ...rest } = d;
        return Object.keys(facts).length ? { ...rest, facts } : rest;
      });
      setDirty(true);
    },
    [],
  );
  const confirmAsWritten = useCallback((key: string, value: number) => setConfirmed((s) => new Set(s).add(questionId(key, value))), []);

  const save = async () => {
    if (!doc) return;
    setSaving(true);
    try {
      const r = await invoke('conditions.save', { projectId, doc: doc as unknown as Record<string, unknown>, note: note.trim() || undefined });
      setDoc(r.doc);
      setDirty(false);
      setNote('');
      await loaded.reload();
      app.notify('success', `出让条件已保存为第 ${r.version} 版`);
      void app.refresh();
    } catch (e) {
      app.notify('error', formWords(errorText(e), factWords));
    } finally {
      setSaving(false);
    }
  };

  const openVersion = async (version: number) => {
    try {
      const r = await invoke('conditions.version', { projectId, version });
      setViewing({ version: r.version, doc: r.doc });
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  /** Restoring an old version puts it into the editor; saving makes it the newest version. */
  const restoreVersion = (v: { version: number; doc: ConditionsDoc }) => {
    change(structuredClone(v.doc));
    setPasted(null);
    setNote(`恢复自第 ${v.version} 版`);
    setViewing(null);
    app.notify('info', `已载入第 ${v.version} 版，保存后成为新版本`);
  };

  const versions = useMemo(() => (loaded.data?.versions ?? []).slice().sort((a, b) => b.version - a.version), [loaded.data]);

  return {
    app,
    doc,
    dirty,
    note,
    setNote,
    saving,
    validation,
    pasted,
    clearPasted: () => setPasted(null),
    applyPaste,
    confirmReading,
    removeCondition,
    writeByHand,
    setFact,
    flags,
    reveal,
    setReveal,
    check,
    serverErrorAt,
    blocked,
    viewing,
    setViewing,
    loading: loaded.loading && !loaded.data,
    saved: latest ? { version: latest.version } : null,
    versions,
    templates: templates.data ?? [],
    factWords,
    projectParcel,
    change,
    replace,
    setCondition,
    confirmAsWritten,
    save,
    openVersion,
    restoreVersion,
  };
}

/** Condition ids of the pasted reading after some were renamed (and the conditions as read). */
function renameInPasted(p: Pasted, renamed: Record<string, string>, asRead?: Record<string, Condition>): Pasted {
  const to = (id: string) => renamed[id] ?? id;
  const carried: Record<string, Condition> = {};
  for (const [id, c] of Object.entries(p.asRead)) carried[to(id)] = c;
  return {
    readings: p.readings.map((r) => ({
      ...r,
      conditionIds: r.conditionIds.map(to),
      parts: r.parts.map((x) => ({ ...x, conditionIds: x.conditionIds.map(to) })),
    })),
    asRead: asRead ?? carried,
    byHand: Object.fromEntries(Object.entries(p.byHand).map(([k, id]) => [k, to(id)])),
  };
}
