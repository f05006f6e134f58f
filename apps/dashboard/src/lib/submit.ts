import type { SubmitFunction } from '@sveltejs/kit';

/**
 * use:enhance for a form that waits for its answer: `waiting` hears true on submit and false once the answer is shown.
 * The fields keep what was typed, so a refusal never empties them, unless the form asks to `reset`.
 */
export function awaitAnswer(waiting?: (on: boolean) => void, { reset = false } = {}): SubmitFunction {
  return () => {
    waiting?.(true);
    return async ({ update }) => {
      await update({ reset });
      waiting?.(false);
    };
  };
}
