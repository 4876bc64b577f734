/** What a picture is reduced to for comparison: small, and independent of its resolution and exposure. */
export interface ViewFingerprint {
  /** Size of the picture it was made from. */
  width: number;
  height: number;
  /** 32×18 block means of the luminance. */
  grid: Float32Array;
  /** Where the edges are: gradient magnitude of the 128×72 raster pooled to 32×18. */
  edgeMap: Float32Array;
  /**
   * The grid with its row means removed, and the edge map, each as ranks (in [-1, 1]): computed once per
   * picture, so that comparing at many shifts is only correlations.
   */
  patternRanks: Float32Array;
  edgeRanks: Float32Array;
  /** The row profile (vertical layout) as ranks. */
  layoutRanks: Float32Array;
  /** 16×9 cell contrasts (standard deviation, grey levels) of the 64×36 block means. */
  cells: Float32Array;
  /** Fine detail for the contrast (see `sharpness`). */
  sharpness: number;
  /** Mean and standard deviation of the luminance, 0–255. */
  mean: number;
  std: number;
}

/** The scores a verdict is made of, so that a person can judge. */
export interface ViewScores {
  /** The two scores below together: 1 the same scene, 0 unrelated. */
  structure: number;
  /** How well the pattern of brightness across the view matches (rank correlation, best small shift). */
  pattern: number;
  /** How well the places of the edges match (rank correlation, best small shift). */
  edges: number;
  /** How well the vertical layout (sky, facades, road) matches: negative when upside down. */
  layout: number;
  /** Fine detail now against the reference: below 1 is softer (defocus, fog, dirt). */
  detail: number;
  /** Share of the reference's detailed areas that are now flat (covered, sprayed). */
  blocked: number;
  /** Mean brightness now, 0–255. */
  brightness: number;
}

export type ViewVerdictKind = 'ok' | 'turned' | 'covered' | 'blurred';

export interface ViewVerdict {
  verdict: ViewVerdictKind;
  /** One line for people: what the scores say. */
  reason: string;
  scores: ViewScores;
}
