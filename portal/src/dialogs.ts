// The questions a page asks a person (a reason, a confirmation), answered in the shell's dialog (shell/AskDialog.vue)
// instead of the browser's prompt()/confirm(): styled, in Chinese, and a reason cannot be sent empty.
import { shallowRef } from 'vue';

export interface Question {
  kind: 'text' | 'confirm';
  title: string;
  message: string;
  confirmText: string;
  cancelText: string;
  /** text: the trimmed reason, or null when cancelled; confirm: true or false */
  answer: (value: string | boolean | null) => void;
}

/** The question being asked now (one at a time). */
export const currentQuestion = shallowRef<Question | null>(null);

function ask(q: Omit<Question, 'answer'>): Promise<string | boolean | null> {
  return new Promise((resolve) => {
    // a newer question replaces an open one, which counts as cancelled
    currentQuestion.value?.answer(q.kind === 'text' ? null : false);
    const question: Question = { ...q, answer: (value) => {
      if (currentQuestion.value === question) currentQuestion.value = null;
      resolve(value);
    } };
    currentQuestion.value = question;
  });
}

/** Asks for a required text (a reason or opinion); resolves it trimmed, or null when the person cancels. */
export function askText(title: string, message = '', confirmText = '确定', cancelText = '取消'): Promise<string | null> {
  return ask({ kind: 'text', title, message, confirmText, cancelText }) as Promise<string | null>;
}

/** Asks to confirm an action; resolves true for the confirming button. */
export function askConfirm(title: string, message: string, confirmText = '确定', cancelText = '取消'): Promise<boolean> {
  return ask({ kind: 'confirm', title, message, confirmText, cancelText }) as Promise<boolean>;
}
