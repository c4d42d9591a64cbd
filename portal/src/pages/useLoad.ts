// What a page reads when it opens: the answer, the refusal (for ProblemBanner) and whether it is still loading.
// A reload after an action keeps the old answer on screen until the new one arrives; a late answer of an earlier
// load never overwrites a newer one.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Loaded<T> {
  data: ShallowRef<T | undefined>;
  error: ShallowRef<unknown>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, immediately = true): Loaded<T> {
  const data = shallowRef<T>();
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  let seq = 0;
  async function reload() {
    const mine = ++seq;
    loading.value = true;
    try {
      const answer = await load();
      if (mine === seq) { data.value = answer; error.value = null; }
    } catch (e) {
      if (mine === seq) error.value = e;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }
  if (immediately) void reload();
  return { data, error, loading, reload };
}
