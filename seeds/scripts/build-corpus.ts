// Builds the adversarial corpus into seeds/corpus/ (or the directory given as first argument):
// <name>.xlsx, <name>.conditions.json, <name>.expected.json and index.json. Deterministic:
// rebuilding gives identical bytes (fixed document dates and zip timestamps, as build-samples.ts).
//   npx tsx seeds/scripts/build-corpus.ts [outDir]
import { fileURLToPath } from 'node:url';
import { json, runAsScript, workbookFiles, writeSeedFiles, type SeedFile } from './seed-files';
import type { CorpusSample } from './corpus-kit';
import { schemeTechEconXuhui } from './corpus/scheme-tech-econ-xuhui';
import { gbt50378PreEvalMinhang } from './corpus/gbt50378-pre-eval-minhang';
import { gbt50378FinalEvalPutuo } from './corpus/gbt50378-final-eval-putuo';
import { greenScoresBuildingsBaoshan } from './corpus/green-scores-buildings-baoshan';
import { gbt51129AssemblyNanjing } from './corpus/gbt51129-assembly-nanjing';
import { shanghaiPrefabSongjiang } from './corpus/shanghai-prefab-songjiang';
import { spongeFacilitiesQingpu } from './corpus/sponge-facilities-qingpu';
import { spongeZonesLingang } from './corpus/sponge-zones-lingang';
import { renewableLineItemsFengxian } from './corpus/renewable-line-items-fengxian';
import { renewableShortfallChangning } from './corpus/renewable-shortfall-changning';
import { buildingsSidewaysJiading } from './corpus/buildings-sideways-jiading';
import { coverTocRevisionsJingan } from './corpus/cover-toc-revisions-jingan';
import { oneBuildingSchoolHangzhou } from './corpus/one-building-school-hangzhou';
import { parcelsColumnsSongjiang } from './corpus/parcels-columns-songjiang';
import { parcelsUnmatchedSongjiang } from './corpus/parcels-unmatched-songjiang';
import { duplicatesPudong } from './corpus/duplicates-pudong';
import { designStagesBaoshan } from './corpus/design-stages-baoshan';
import { unitsInLabelsMinhang } from './corpus/units-in-labels-minhang';
import { revisionGroupsHongkou } from './corpus/revision-groups-hongkou';
import { buildingsProjectCornerFengxian } from './corpus/buildings-project-corner-fengxian';
import { spongeStackedSheet1Putuo } from './corpus/sponge-stacked-sheet1-putuo';
import { renewableCalcBookJiading } from './corpus/renewable-calc-book-jiading';
import { roundingEdgesYangpu } from './corpus/rounding-edges-yangpu';
import { greenItemsSubtotalsXuhui } from './corpus/green-items-subtotals-xuhui';
import { prefabGroupsLingang } from './corpus/prefab-groups-lingang';
import { buildingsMergedRowsJingan } from './corpus/buildings-merged-rows-jingan';

export const CORPUS: readonly CorpusSample[] = [
  schemeTechEconXuhui,
  gbt50378PreEvalMinhang,
  gbt50378FinalEvalPutuo,
  greenScoresBuildingsBaoshan,
  gbt51129AssemblyNanjing,
  shanghaiPrefabSongjiang,
  spongeFacilitiesQingpu,
  spongeZonesLingang,
  renewableLineItemsFengxian,
  renewableShortfallChangning,
  buildingsSidewaysJiading,
  coverTocRevisionsJingan,
  oneBuildingSchoolHangzhou,
  parcelsColumnsSongjiang,
  parcelsUnmatchedSongjiang,
  duplicatesPudong,
  designStagesBaoshan,
  unitsInLabelsMinhang,
  revisionGroupsHongkou,
  buildingsProjectCornerFengxian,
  spongeStackedSheet1Putuo,
  renewableCalcBookJiading,
  roundingEdgesYangpu,
  greenItemsSubtotalsXuhui,
  prefabGroupsLingang,
  buildingsMergedRowsJingan,
];

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/** The index of the corpus: one entry per workbook with its traps and sources. */
export function corpusIndex() {
  return {
    format: 'landcheck.corpus/v1',
    corpus: CORPUS.map((s) => ({ id: s.name, title: s.title, overall: s.expected.overall, traps: s.traps, sources: s.sources })),
  };
}

/** Writes every corpus workbook into outDir; returns the paths written. */
export async function buildCorpus(outDir: string = DEFAULT_CORPUS_DIR): Promise<string[]> {
  const files: SeedFile[] = [['index.json', json(corpusIndex())]];
  for (const s of CORPUS) files.push(...(await workbookFiles(s)));
  return writeSeedFiles(outDir, files);
}

runAsScript(import.meta.url, DEFAULT_CORPUS_DIR, buildCorpus, '生成语料失败');
