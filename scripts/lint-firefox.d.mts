export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
export interface LintReport {
  errors?: LintMessage[];
  warnings?: LintMessage[];
  notices?: LintMessage[];
  summary?: { errors: number; warnings: number; notices: number };
}
export interface AllowlistEntry {
  file: string;
  code: string;
  /** A regular expression the bundle's code around each warning must match. */
  context: string;
  count: number;
  reason: string;
}
export declare const ALLOWLIST: string;
export declare const GATED_CODES: string[];
export declare function judge(report: LintReport, allowlist: AllowlistEntry[], readFile: (file: string) => string): string[];
