/**
 * Runs the clipper in a tab, only when the person clips: nothing of ours lives in pages they
 * merely browse. The mode is set in the extension's isolated world first, where page scripts
 * cannot reach it, then the clipper file runs there and returns what it extracted.
 */
import { i18n } from '#i18n';
import * as v from 'valibot';
import { CapturedPageSchema, CaptureFailureSchema, type PageMode } from '../capture/schema';
import { INJECTED } from '../protocol/injected-globals';
import { ProtocolFailure } from '../protocol/router';
import { captureFailure } from './capture-failure';
import type { PageCapturer } from './clip-service';

export const CLIPPER_FILE = '/clipper.js';

export interface CaptureOptions {
  /**
   * On by default: the preview's read of the page is what Save sends, so it must already hold the
   * images. The inliner's deadline bounds what this costs.
   */
  inlineImages?: boolean;
}

interface InjectionResult {
  result?: unknown;
}

export interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number };
    files?: string[];
    func?: (...args: never[]) => unknown;
    args?: unknown[];
  }): Promise<InjectionResult[]>;
}

const CaptureAnswerSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), page: CapturedPageSchema }),
  CaptureFailureSchema,
]);

export function createScriptingCapturer(scripting: ScriptingApi): PageCapturer {
  return {
    async capture(tabId: number, mode: PageMode, options: CaptureOptions = {}) {
      let results: InjectionResult[];
      try {
        await scripting.executeScript({
          target: { tabId },
          func: ((values: Record<string, unknown>) => {
            Object.assign(globalThis, values);
          }) as (...args: never[]) => unknown,
          args: [{ [INJECTED.clipperMode]: mode, [INJECTED.clipperImages]: options.inlineImages !== false }],
        });
        results = await scripting.executeScript({ target: { tabId }, files: [CLIPPER_FILE] });
      } catch {
        throw new ProtocolFailure('cannot_capture', i18n.t('background.cannotClip'));
      }
      const answer = v.safeParse(CaptureAnswerSchema, results[0]?.result);
      if (!answer.success) throw new ProtocolFailure('cannot_capture', i18n.t('background.nothingCaptured'));
      if (!answer.output.ok) throw captureFailure(answer.output);
      return answer.output.page;
    },
  };
}
