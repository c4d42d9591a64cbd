import { ref, shallowRef } from 'vue';

/**
 * A page's buttons that change something: each call clears the last outcome, then shows either its success sentence
 * (`done`) or the refusal (`actionError`, for ProblemBanner), and reads the page again after a success.
 */
export function useAction(reload: () => Promise<unknown>) {
  const done = ref('');
  const actionError = shallowRef<unknown>(null);
  async function act(success: string, call: () => Promise<unknown>) {
    done.value = '';
    actionError.value = null;
    try {
      await call();
      done.value = success;
      await reload();
    } catch (e) {
      actionError.value = e;
    }
  }
  return { done, actionError, act };
}
