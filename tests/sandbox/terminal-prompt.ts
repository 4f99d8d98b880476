/**
 * Current mode's approval prompt in the terminal, as a pure state machine over key presses, so the
 * CLI only wires stdin to it and a unit test can drive it. One prompt at a time, oldest first:
 * approve (a or Enter) or deny (d); after approving, the spaces (Enter or a: all; digits then Enter:
 * those spaces) and the permission (Enter or w: read & write; r: read only); then the code shows.
 */
import type { KeyGrant, PairingEvent } from './types';

export interface PromptSpace {
  id: string;
  name: string;
}

type Step = { at: 'approve' } | { at: 'spaces'; typed: string } | { at: 'permission'; allSpaces: boolean; spaceIds: string[] };

interface Request {
  challengeId: string;
  appName: string;
  lapsesAt: number;
}

export type PromptAction =
  | { type: 'approve'; challengeId: string; grant: KeyGrant }
  | { type: 'deny'; challengeId: string };

export interface PromptOutput {
  lines: string[];
  action?: PromptAction;
}

export class TerminalPrompt {
  private queue: Request[] = [];
  private step: Step = { at: 'approve' };

  constructor(
    private readonly spaces: () => PromptSpace[],
    private readonly now: () => number = Date.now,
  ) {}

  get active(): boolean {
    return this.queue.length > 0;
  }

  private head(): Request | undefined {
    return this.queue[0];
  }

  private ask(): string[] {
    const r = this.head();
    if (!r) return [];
    switch (this.step.at) {
      case 'approve': {
        const left = Math.max(0, Math.ceil((r.lapsesAt - this.now()) / 1000));
        return [`"${r.appName}" wants to connect to Anytype (${left} s left). Press a or Enter to approve, d to deny.`];
      }
      case 'spaces':
        return [
          'Which spaces may it reach? Enter or a: all spaces; or type their numbers, then Enter:',
          ...this.spaces().map((s, i) => `  ${i + 1}. ${s.name}`),
        ];
      case 'permission':
        return ['May it write? Enter or w: read & write; r: read only.'];
    }
  }

  /** A pairing event from the sandbox: new prompts queue up; an ended one leaves the queue. */
  event(e: PairingEvent): PromptOutput {
    if (e.type === 'prompt') {
      this.queue.push({ challengeId: e.challengeId, appName: e.appName, lapsesAt: e.lapsesAt });
      return { lines: this.queue.length === 1 ? this.ask() : [] };
    }
    const wasHead = this.head()?.challengeId === e.challengeId;
    const before = this.queue.length;
    this.queue = this.queue.filter((r) => r.challengeId !== e.challengeId);
    if (e.type === 'code') {
      // Approved here or through the control channel: either way this prompt is answered.
      const lines = [`Anytype pairing code for "${e.appName}": ${e.code}`];
      if (wasHead) {
        this.step = { at: 'approve' };
        lines.push(...this.ask());
      }
      return { lines };
    }
    if (this.queue.length === before || e.why === 'used' || e.why === 'denied') return { lines: [] };
    const lines = [`The request from "${e.appName}" ${e.why === 'lapsed' ? 'lapsed unanswered' : 'ended'}.`];
    if (wasHead) {
      this.step = { at: 'approve' };
      lines.push(...this.ask());
    }
    return { lines };
  }

  /** One key press (`name` as node's readline reports it: 'return', 'a', '3', …). */
  key(name: string): PromptOutput {
    const r = this.head();
    if (!r) return { lines: [] };
    const enter = name === 'return' || name === 'enter';
    const step = this.step;
    if (step.at === 'approve') {
      if (enter || name === 'a') {
        this.step = { at: 'spaces', typed: '' };
        return { lines: this.ask() };
      }
      if (name === 'd') return this.finish({ type: 'deny', challengeId: r.challengeId }, ['Denied.']);
      return { lines: [] };
    }
    if (step.at === 'spaces') {
      if (/^[0-9]$/.test(name) || name === ',' || name === 'space') {
        step.typed += /^[0-9]$/.test(name) ? name : ' ';
        return { lines: [] };
      }
      if (name === 'a' && step.typed === '') return this.chooseSpaces(true, []);
      if (enter) {
        const all = this.spaces();
        const picked = step.typed
          .split(/\s+/)
          .filter((t) => t !== '')
          .map((t) => all[Number(t) - 1])
          .filter((s): s is PromptSpace => s !== undefined);
        return picked.length === 0 ? this.chooseSpaces(true, []) : this.chooseSpaces(false, [...new Set(picked.map((s) => s.id))]);
      }
      return { lines: [] };
    }
    if (enter || name === 'w' || name === 'r') {
      const grant: KeyGrant = { all_spaces: step.allSpaces, space_ids: step.spaceIds, permission: name === 'r' ? 'read' : 'readwrite' };
      return this.finish({ type: 'approve', challengeId: r.challengeId, grant }, []);
    }
    return { lines: [] };
  }

  private chooseSpaces(allSpaces: boolean, spaceIds: string[]): PromptOutput {
    this.step = { at: 'permission', allSpaces, spaceIds };
    return { lines: this.ask() };
  }

  private finish(action: PromptAction, lines: string[]): PromptOutput {
    this.queue.shift();
    this.step = { at: 'approve' };
    return { lines: [...lines, ...this.ask()], action };
  }
}
