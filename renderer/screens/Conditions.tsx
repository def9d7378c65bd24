// 出让条件: start from a template, parse pasted contract text (each sentence shown beside its
// reading, refusals listed by kind, readings to confirm, project facts), import/export JSON, edit
// each condition in a form (errors and questions at the field, as you type), save as a new version
// (history shown). Leaving with unsaved edits asks first.
import { useEffect, useState } from 'react';
import type { ConditionsDoc } from '../../shared/model/types';
import { invoke, errorText } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { FilePicker } from '../components/FilePicker';
import { downloadJson, readJsonFile } from '../files';
import { defaultLeaf, emptyDoc, nextId } from '../conditions-edit';
import { useConditionsEditor } from './conditions/useConditionsEditor';
import { FormContext } from './conditions/FormContext';
import { ContractFields } from './conditions/ContractFields';
import { ConditionCard } from './conditions/ConditionCard';
import { SidePanel } from './conditions/SidePanel';
import { PasteDialog } from './conditions/PasteDialog';
import { ReadingReview } from './conditions/ReadingReview';
import { ProjectFacts } from './conditions/ProjectFacts';
import { FactWordsContext } from './conditions/factWords';

/** Brings a condition card into view and puts the focus on its first field. */
function revealCard(id: string): boolean {
  const card = document.querySelector(`article.cond-card[data-condition-id="${CSS.escape(id)}"]`);
  if (!card) return false;
  card.scrollIntoView({ block: 'center' });
  (card.querySelector<HTMLElement>('.leaf select') ?? card.querySelector<HTMLElement>('input'))?.focus({ preventScroll: true });
  return true;
}

export function ConditionsScreen() {
  const e = useConditionsEditor();
  const { app, doc } = e;
  const [pasteOpen, setPasteOpen] = useState(false);
  /** An old version waiting for confirmation because the editor has unsaved changes. */
  const [replacing, setReplacing] = useState<{ version: number; doc: ConditionsDoc } | null>(null);

  // A card asked for (from the reading of a sentence, or just written by hand) once it is rendered.
  useEffect(() => {
    if (e.reveal && revealCard(e.reveal)) e.setReveal(null);
  });

  const importJson = async (file: File) => {
    try {
      const data = (await readJsonFile(file)) as Record<string, unknown>;
      const r = await invoke('conditions.validate', { doc: data });
      e.replace(r.doc);
      e.clearPasted();
      app.notify('success', `已导入 ${file.name}：${r.count} 条条件（尚未保存）`);
    } catch (err) {
      app.notify('error', errorText(err));
    }
  };

  return (
    <FactWordsContext.Provider value={e.factWords}>
      <section className="screen conditions" aria-labelledby="cond-h">
        <div className="screen-head">
          <h1 id="cond-h">出让条件</h1>
          <div className="toolbar">
            <select
              aria-label="从模板开始"
              value=""
              onChange={(ev) => {
                const t = e.templates.find((x) => x.id === ev.target.value);
                if (t) {
                  e.replace(structuredClone(t.doc));
                  e.clearPasted();
                  app.notify('info', `已载入模板“${t.title}”，请核对后保存`);
                }
              }}
              data-testid="template-select"
            >
              <option value="">从模板开始…</option>
              {e.templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                  {t.jurisdiction ? `（${t.jurisdiction}）` : ''}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setPasteOpen(true)}>
              粘贴合同条款
            </button>
            <FilePicker accept=".json,application/json" label="条件文件" testId="conditions-file" onFile={(f) => void importJson(f)}>
              导入 JSON
            </FilePicker>
            <button type="button" disabled={!doc} onClick={() => doc && downloadJson(doc, `${app.detail?.project.name ?? '出让条件'}.conditions.json`)}>
              导出 JSON
            </button>
          </div>
        </div>

        {e.pasted && (
          <ReadingReview
            pasted={e.pasted}
            doc={doc}
            onConfirm={e.confirmReading}
            onRemove={e.removeCondition}
            onReveal={e.setReveal}
            onWriteByHand={e.writeByHand}
            onFact={e.setFact}
            onClose={e.clearPasted}
          />
        )}
        {e.loading && !doc ? (
          <p className="muted">正在载入出让条件…</p>
        ) : !doc ? (
          <div className="empty">
            <p>本项目还没有出让条件。</p>
            <p>可以“从模板开始”，或“粘贴合同条款”让程序识别条件，或“导入 JSON”条件文件；也可以逐条手工添加。</p>
            <button type="button" className="primary" onClick={() => e.replace({ ...emptyDoc(), conditions: [{ id: 'C1', ...defaultLeaf() }] })}>
              手工添加第一条条件
            </button>
          </div>
        ) : (
          <FormContext.Provider value={{ check: e.check, confirmAsWritten: e.confirmAsWritten, facts: doc.facts, setFact: e.setFact }}>
            <div className="cond-layout">
              <SidePanel
                validation={e.validation}
                saved={e.saved}
                dirty={e.dirty}
                blocked={e.blocked}
                saving={e.saving}
                flags={e.flags}
                note={e.note}
                setNote={e.setNote}
                onSave={() => void e.save()}
                versions={e.versions}
                onOpenVersion={(v) => void e.openVersion(v)}
                viewing={e.viewing}
                onRestoreViewing={() => (e.dirty ? setReplacing(e.viewing) : e.restoreVersion(e.viewing!))}
                onCloseViewing={() => e.setViewing(null)}
              />
              <div className="cond-main">
                <ContractFields doc={doc} onChange={e.change} projectParcel={e.projectParcel} />
                {!e.pasted && <ProjectFacts doc={doc} onFact={e.setFact} testId="project-facts-editor" />}
                <ol className="cond-list">
                  {doc.conditions.map((c, i) => (
                    <li key={i}>
                      <ConditionCard
                        c={c}
                        index={i}
                        count={doc.conditions.length}
                        serverError={e.serverErrorAt === i && e.validation.state === 'error' ? e.validation.message : undefined}
                        onChange={(nc) => e.setCondition(i, nc)}
                        onRemove={() => e.change({ ...doc, conditions: doc.conditions.filter((_, j) => j !== i) })}
                        onMove={(d) => {
                          const list = doc.conditions.slice();
                          const [x] = list.splice(i, 1);
                          list.splice(i + d, 0, x!);
                          e.change({ ...doc, conditions: list });
                        }}
                      />
                    </li>
                  ))}
                </ol>
                <button type="button" onClick={() => e.change({ ...doc, conditions: [...doc.conditions, { id: nextId(doc), ...defaultLeaf() }] })}>
                  ＋ 添加条件
                </button>
              </div>
            </div>
          </FormContext.Provider>
        )}

        <ConfirmDialog
          open={replacing !== null}
          title="放弃未保存的修改"
          danger
          confirmLabel="放弃修改并载入"
          message={<>编辑区有未保存的修改。载入第 {replacing?.version} 版会放弃这些修改（已保存的各版本不受影响），确定吗？</>}
          onCancel={() => setReplacing(null)}
          onConfirm={() => {
            const v = replacing!;
            setReplacing(null);
            e.restoreVersion(v);
          }}
        />
        <PasteDialog
          open={pasteOpen}
          onClose={() => setPasteOpen(false)}
          hasDoc={!!doc && doc.conditions.length > 0}
          onResult={(r, mode) => {
            setPasteOpen(false);
            e.applyPaste(r, mode);
            const waiting = r.doc.conditions.filter((c) => c.toConfirm).length;
            app.notify(
              r.unparsed.length || waiting ? 'info' : 'success',
              `识别出 ${r.doc.conditions.length} 条条件${waiting ? `（${waiting} 条需确认）` : ''}${r.unparsed.length ? `，${r.unparsed.length} 句未能识别` : ''}（尚未保存）`,
            );
          }}
        />
      </section>
    </FactWordsContext.Provider>
  );
}
