// Types for scorecard-element.js, the module a host page imports: `ready`, `mount` and the
// <interview-scorecard> element. The README's "JavaScript API" is the reference; these types say
// the same, so that an editor can check a host's calls. (scorecard-web.d.ts, which wasm-bindgen
// writes, describes the raw wasm module underneath, which hosts do not import.)

/** A scorecard document (format "interview-scorecard"); docs/interchange.md has every field. */
export interface ScorecardDocument {
  format: 'interview-scorecard';
  version: number;
  rubric?: { id: string; version: string | number };
  candidate?: Person | string;
  interviewer?: Person | string;
  interview?: { step?: string; date?: string };
  ratings: Record<string, RatingEntry>;
  observations?: Observation[];
  submitted_at?: string | null;
  [field: string]: unknown;
}

export interface Person {
  id?: string;
  name?: string;
}

export interface RatingEntry {
  level: 'needs_improvement' | 'meets' | 'exceeds' | 'not_assessed';
  note?: string;
  /** A rating drafted from observations that the interviewer has not confirmed. */
  drafted?: boolean;
}

export interface Observation {
  id: string;
  text: string;
  /** The capability id it is tagged with, and the level it reads as. */
  capability?: string | null;
  level?: RatingEntry['level'] | null;
  [field: string]: unknown;
}

/** A rubric in the rubric format (the default is the L4 Senior Software Engineer rubric). */
export interface Rubric {
  id: string;
  version: string | number;
  [field: string]: unknown;
}

export interface MountOptions {
  /**
   * A rubric object or its JSON text; to `mount` (not `update`), also a URL on the page's
   * origin, and `mount` then returns a promise of the handle. `null` or absent: the default.
   */
  rubric?: Rubric | string | null;
  /** At most 200 characters each. */
  candidate?: string;
  interviewer?: string;
  step?: string;
  /** The initial scorecard, shown as opened: no `scorecard:change` echoes it. */
  value?: ScorecardDocument;
  readOnly?: boolean;
  autosave?: boolean;
  /** `null`: the system's colour scheme. */
  theme?: 'light' | 'dark' | null;
}

/** What `update` takes: every option but `value` (use `setValue`); a rubric URL is not taken. */
export type UpdateOptions = Omit<MountOptions, 'value' | 'rubric'> & { rubric?: Rubric | string | null };

export interface Recommendation {
  [field: string]: unknown;
}

/** The `detail` of each event, as `on()` callbacks and `CustomEvent`s carry it. */
export interface ScorecardEvents {
  'scorecard:ready': { rubric: { id: string; version: string | number } };
  'scorecard:rubric': { rubric: { id: string; version: string | number } };
  'scorecard:change': { value: ScorecardDocument; recommendation: Recommendation };
  'scorecard:submit': { value: ScorecardDocument; recommendation: Recommendation };
  'scorecard:error': { message: string };
}

export type ScorecardEventName = keyof ScorecardEvents;

/** A mounted widget. Every method throws after `destroy()`. */
export interface ScorecardHandle {
  /** The current scorecard document. */
  getValue(): ScorecardDocument;
  /**
   * Replaces the scorecard; throws (and tells `scorecard:error`), changing nothing, if the
   * document is invalid or names another candidate, interviewer or step than the options.
   */
  setValue(value: ScorecardDocument): void;
  /** Checked whole first: a refused update throws and changes nothing. */
  update(options: UpdateOptions): void;
  on<E extends ScorecardEventName>(event: E, callback: (detail: ScorecardEvents[E]) => void): void;
  off<E extends ScorecardEventName>(event: E, callback: (detail: ScorecardEvents[E]) => void): void;
  /** Tells a pending change at once, unmounts and empties the element. */
  destroy(): void;
}

/** Resolves once the widget's wasm is loaded; `mount` before it throws. */
export const ready: Promise<unknown>;

/** Mounts a scorecard into `element`. With a rubric URL, a promise of the handle. */
export function mount(element: Element, options: MountOptions & { rubric: string }): ScorecardHandle | Promise<ScorecardHandle>;
export function mount(element: Element, options?: MountOptions | null): ScorecardHandle;

/**
 * <interview-scorecard candidate interviewer step rubric readonly autosave theme density>: the
 * element the module defines (not an export: reach it by tag, e.g. `document.querySelector`).
 */
declare class InterviewScorecard extends HTMLElement {
  /** The card shown (kept while the element is off the page), or null before the first mount. */
  getValue(): ScorecardDocument | null;
  /** Throws until the element has mounted. */
  setValue(value: ScorecardDocument): void;
  /** The handle, one for the element's life; null until mounted and while off the page. */
  readonly widget: ScorecardHandle | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-scorecard': InterviewScorecard;
  }
  interface HTMLElementEventMap {
    'scorecard:ready': CustomEvent<ScorecardEvents['scorecard:ready']>;
    'scorecard:rubric': CustomEvent<ScorecardEvents['scorecard:rubric']>;
    'scorecard:change': CustomEvent<ScorecardEvents['scorecard:change']>;
    'scorecard:submit': CustomEvent<ScorecardEvents['scorecard:submit']>;
    'scorecard:error': CustomEvent<ScorecardEvents['scorecard:error']>;
  }
}
