// Conditions: templates, the project's versioned condition sets, validation, text to conditions,
// the project facts conditions may depend on.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers, TemplateInfo } from '../contract';
import { ApiError } from '../dispatch';
import { conditionsFromText, PROJECT_FACTS } from '../../conditions/index';
import type { ApiContext } from './context';

type ConditionHandlers = Pick<
  Handlers,
  'conditions.templates' | 'conditions.get' | 'conditions.save' | 'conditions.version' | 'conditions.validate' | 'conditions.fromText' | 'conditions.projectFacts'
>;

export function conditionHandlers(ctx: ApiContext): ConditionHandlers {
  const { db, mustProject, validate } = ctx;
  const templates = async (): Promise<TemplateInfo[]> => {
    const dir = join(ctx.deps.seedsDir, 'templates');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const out: TemplateInfo[] = [];
    for (const n of names) {
      const doc = validate(JSON.parse(await readFile(join(dir, n), 'utf8')), n);
      out.push({ id: n.replace(/\.json$/, ''), title: doc.title ?? n, jurisdiction: doc.jurisdiction, doc });
    }
    return out;
  };
  return {
    'conditions.templates': templates,
    'conditions.get': async ({ projectId }) => {
      mustProject(projectId);
      return { latest: db().latestConditionSet(projectId), versions: db().conditionSetVersions(projectId) };
    },
    'conditions.save': async ({ projectId, doc, note }) => {
      mustProject(projectId);
      const valid = validate(doc);
      const saved = db().saveConditionSet(projectId, valid, note);
      return { ...saved, doc: valid };
    },
    'conditions.version': async ({ projectId, version }) => {
      mustProject(projectId);
      const v = db().conditionSetVersions(projectId).find((x) => x.version === version);
      const set = v ? db().getConditionSet(v.id) : null;
      if (!set) throw new ApiError(`该项目没有第 ${version} 版出让条件`, 'not_found');
      return { id: set.id, version: set.version, doc: set.doc };
    },
    'conditions.validate': async ({ doc }) => {
      const valid = validate(doc);
      return { ok: true as const, count: valid.conditions.length, doc: valid };
    },
    'conditions.fromText': async ({ text }) => conditionsFromText(text),
    'conditions.projectFacts': async () => PROJECT_FACTS.map((f) => ({ id: f.id, yes: f.yes, no: f.no })),
  };
}
