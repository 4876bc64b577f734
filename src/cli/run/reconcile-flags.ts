import type { AccessFlags } from '../../auth/access-policy.js';

/** The options of plan, apply, check and reaim, as commander parses them. */
export interface ReconcileFlags extends AccessFlags {
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
  inventory?: string;
  street?: string;
  point?: string;
  interface?: string[];
  discovery: boolean;
  /** false with --no-views. */
  views?: boolean;
  timeout: number;
  concurrency: number;
  rtspPort: number;
}

export interface PlanFlags extends ReconcileFlags {
  out?: string;
  prune?: boolean;
  html?: string;
}

export interface ApplyFlags extends ReconcileFlags {
  yes?: boolean;
  prune?: boolean;
  home?: boolean;
}

export interface CheckFlags extends ReconcileFlags {
  junit?: string;
  /** With check, --json names the report file (the global --json goes before the command). */
  json?: string | boolean;
  markdown?: string;
  /** Write the field report (index.html and its pictures) into this folder. */
  html?: string;
  shard?: string;
}

export interface ReaimFlags extends ReconcileFlags {
  preset?: string;
  save?: boolean;
  yes?: boolean;
}

export interface AdoptFlags extends ReconcileFlags {
  yes?: boolean;
  owner: string;
  into?: string;
  assign?: string[];
  ignore?: string[];
}
