// The state of the condition editor apart from its layout: the document being edited, whether it
// is saved, the server's validation as you type, the field checks, versions, and the actions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiOutputs } from '../../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../../shared/model/types';
import { errorText, invoke } from '../../api';
import { useApp, useUnsavedChanges } from '../../state';
import { useInvoke } from '../../hooks/useInvoke';
import { checkConditions, conditionOfMessage, formWords, questionId } from './checks';
import type { Validation } from './SidePanel';

type Unparsed = ApiOutputs['conditions.fromText']['unparsed'];

export function useConditionsEditor() {
  const app = useApp();
  const projectId = app.projectId!;
  const projectParcel = app.detail?.project.parcel ?? null;
  const loaded = useInvoke('conditions.get', { projectId });
  const templates = useInvoke('conditions.templates', {});
  const [doc, setDoc] = useState<ConditionsDoc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [validation, setValidation] = useState<Validation>({ state: 'idle' });
  const [unparsed, setUnparsed] = useState<Unparsed>([]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [viewing, setViewing] = useState<{ version: number; doc: ConditionsDoc } | null>(null);

  useUnsavedChanges(dirty, '出让条件的修改');

  // The saved document arrives once; later reloads (after a save) only refresh the versions.
  const latest = loaded.data?.latest;
  useEffect(() => {
    if (latest && doc === null && !dirty) setDoc(latest.doc);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest]);

  // Validation as you type (debounced): the server names the condition and the field.
  useEffect(() => {
    if (!doc) return setValidation({ state: 'idle' });
    setValidation({ state: 'checking' });
    let alive = true;
    const t = setTimeout(() => {
      invoke('conditions.validate', { doc: doc as unknown as Record<string, unknown> })
        .then((r) => alive && setValidation({ state: 'ok', count: r.count }))
        .catch((e) => alive && setValidation({ state: 'error', message: formWords(errorText(e)) }));
    }, 350);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [doc]);

  const check = useMemo(() => (doc ? checkConditions(doc, confirmed) : { errors: new Map(), questions: new Map() }), [doc, confirmed]);
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
  const setCondition = (i: number, c: Condition) => change({ ...doc!, conditions: doc!.conditions.map((x, j) => (j === i ? c : x)) });
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
      app.notify('error', formWords(errorText(e)));
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
    unparsed,
    setUnparsed,
    check,
    serverErrorAt,
    blocked,
    viewing,
    setViewing,
    loading: loaded.loading && !loaded.data,
    saved: latest ? { version: latest.version } : null,
    versions,
    templates: templates.data ?? [],
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
