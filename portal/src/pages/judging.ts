// The room's judgement of a commission answer (认可, or 不认可 with a reason asked in the shell's dialog), the same on
// the list (#/commissions) and on one commission's page: what it says when done, the refusal, and a busy flag.
import { ref, shallowRef } from 'vue';
import { post } from '../api';
import { askText } from '../dialogs';

export function useJudging(reload: () => Promise<void>) {
  const actionError = shallowRef<unknown>(null);
  const done = ref('');
  const busy = ref(false);

  async function judge(commissionId: string, itemId: string, accepted: boolean) {
    let reason: string | null = null;
    if (!accepted) {
      reason = await askText('不认可的理由', '请写明不认可的理由，报送单位会看到。', '不认可');
      if (reason === null) return;
    }
    busy.value = true;
    actionError.value = null;
    done.value = '';
    try {
      await post(`/api/commission/commissions/${encodeURIComponent(commissionId)}/answers/${encodeURIComponent(itemId)}/judgement`,
        { accepted, reason });
      done.value = accepted ? '已认可该约稿稿件。' : '已记录不认可及理由。';
      await reload();
    } catch (e) {
      actionError.value = e;
    } finally {
      busy.value = false;
    }
  }
  return { actionError, done, busy, judge };
}
