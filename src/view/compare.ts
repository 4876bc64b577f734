import { correlation, GRID_HEIGHT, GRID_WIDTH, type Grey, shiftedCorrelation } from './features.js';
import type { ViewFingerprint, ViewScores, ViewVerdict } from './model.js';

/**
 * The thresholds of the verdict, calibrated on the labelled matrix of test/view (simulated scenes and
 * image transforms; README "How view verification decides" says how, and its limits).
 */
export const THRESHOLDS = {
  /** Below this structure the scene no longer matches: turned. */
  structure: 0.55,
  /** Below this layout the vertical layout is gone or inverted: turned (upside down, to the sky, to a wall). */
  layout: 0.45,
  /** Below this share of the reference's fine detail: blurred. */
  detail: 0.85,
  /** From this share of the reference's detailed areas gone flat (with the structure lost too): covered. */
  blocked: 0.6,
  coveredStructure: 0.7,
  /** A cell is detailed above this contrast, flat below the lower one (grey levels). */
  detailedCell: 6,
  flatCell: 2.5,
} as const;

/** Shifts tried, in grid cells (each 1/32 of the width): wind and vibration move a picture a little. */
const SHIFTS_X = [-2, -1, 0, 1, 2];
const SHIFTS_Y = [-1, 0, 1];

const raster = (data: Float32Array): Grey => ({ width: GRID_WIDTH, height: GRID_HEIGHT, data });
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The best correlation of two ranked rasters over the small shifts (rank correlation, ranked once). */
function bestMatch(a: Grey, b: Grey): number {
  let best = -1;
  for (const dy of SHIFTS_Y) {
    for (const dx of SHIFTS_X) best = Math.max(best, shiftedCorrelation(a, b, dx, dy));
  }
  return best;
}

/** Scores a picture against a reference. Pure. */
export function scoreViews(reference: ViewFingerprint, now: ViewFingerprint): ViewScores {
  const pattern = bestMatch(raster(reference.patternRanks), raster(now.patternRanks));
  const edges = bestMatch(raster(reference.edgeRanks), raster(now.edgeRanks));
  const layout = correlation(reference.layoutRanks, now.layoutRanks);
  let detailed = 0;
  let flattened = 0;
  for (let i = 0; i < reference.cells.length; i++) {
    if (reference.cells[i]! < THRESHOLDS.detailedCell) continue;
    detailed++;
    if (now.cells[i]! < THRESHOLDS.flatCell) flattened++;
  }
  return {
    structure: round((pattern + edges) / 2),
    pattern: round(pattern),
    edges: round(edges),
    layout: round(layout),
    detail: round(reference.sharpness > 0 ? now.sharpness / reference.sharpness : 1),
    blocked: round(detailed ? flattened / detailed : 0),
    brightness: Math.round(now.mean),
  };
}

/** The verdict the scores give, with the reason a person reads. Pure. */
export function verdictOf(scores: ViewScores): ViewVerdict {
  const t = THRESHOLDS;
  // A bright, flat picture whose layout is inverted is the sky (brighter towards the bottom, some roofs),
  // not a bag: a bag keeps a smeared trace of the scene's own layout.
  const sky = scores.brightness > 150 && scores.layout < 0;
  if (scores.blocked >= t.blocked && scores.structure < t.coveredStructure && !sky) {
    const share = `${Math.round(scores.blocked * 100)}% of its detail is gone`;
    const reason =
      scores.brightness < 60
        ? `dark and featureless (${share}): the lens is covered`
        : scores.brightness > 170
          ? `bright and featureless (${share}): a bag or a cover over the lens`
          : `mostly blocked (${share}): sprayed, painted or obstructed`;
    return { verdict: 'covered', reason, scores };
  }
  if (scores.layout < t.layout) {
    const what = scores.layout < 0 ? 'is upside down, or faces the sky or a wall' : 'faces something else: a wall, the sky, another scene';
    return { verdict: 'turned', reason: `the picture ${what}`, scores };
  }
  if (scores.structure < t.structure) {
    return { verdict: 'turned', reason: 'the scene no longer matches the reference: turned, panned or replaced', scores };
  }
  if (scores.detail < t.detail) {
    return {
      verdict: 'blurred',
      reason: `${Math.round(scores.detail * 100)}% of the reference's detail: defocused, fogged or a dirty lens`,
      scores,
    };
  }
  return { verdict: 'ok', reason: 'the same view', scores };
}

/** The verdict against the best-matching of several references (day, night…), and which one it was. */
export function compareWithReferences(references: ViewFingerprint[], now: ViewFingerprint): { verdict: ViewVerdict; reference: number } {
  let best: { verdict: ViewVerdict; reference: number } | undefined;
  const rank = (v: ViewVerdict): number => (v.verdict === 'ok' ? 10 : 0) + v.scores.structure + v.scores.layout - v.scores.blocked;
  references.forEach((reference, i) => {
    const verdict = verdictOf(scoreViews(reference, now));
    if (!best || rank(verdict) > rank(best.verdict)) best = { verdict, reference: i };
  });
  if (!best) throw new RangeError('no reference to compare with');
  return best;
}
