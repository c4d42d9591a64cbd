// The footing of the Vue pages: their routes under an item's address, a refusal shows every field at once, a
// late answer never overwrites a newer one.
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { Problem } from '../src/api';
import ProblemBanner from '../src/pages/ProblemBanner.vue';
import { useLoad } from '../src/pages/useLoad';
import { createPortalRouter } from '../src/shell/router';

const Compare = defineComponent({ render: () => h('p', 'compare') });

describe('the Vue pages under an item\'s address', () => {
  const router = () => createPortalRouter(() => '#/items', createMemoryHistory(),
    [{ path: '/items/:id/compare', name: 'item-compare', component: Compare }]);

  it('takes its own address under the item page', () => {
    expect(router().resolve('/items/ITEM-1/compare').name).toBe('item-compare');
  });

  it('gives the adoption pages their own addresses, the follow-up one under the item page', () => {
    const portal = createPortalRouter(() => '#/adoptions', createMemoryHistory());
    expect(portal.resolve('/adoptions').name).toBe('adoptions');
    expect(portal.resolve('/adoptions/overdue').name).toBe('adoptions-overdue');
    expect(portal.resolve('/items/ITEM-1/follow-up').name).toBe('item-follow-up');
    expect(portal.resolve('/items/ITEM-1').name).toBe('item');
  });
});

describe('ProblemBanner', () => {
  it('shows the service sentence and every field it names, with the field names people read', () => {
    const problem = new Problem(400, '请求有误', '请检查填写的内容', 'validation',
      [{ field: 'title', message: '不能为空' }, { field: 'body', message: '不能少于10个字' }]);
    const banner = mount(ProblemBanner, { props: { error: problem, fields: { title: '标题', body: '正文' } } });
    expect(banner.get('[role=alert]').text()).toContain('请求有误：请检查填写的内容');
    expect(banner.findAll('li').map((li) => li.text())).toEqual(['标题：不能为空', '正文：不能少于10个字']);
  });

  it('draws nothing without a refusal', () => {
    expect(mount(ProblemBanner, { props: { error: null } }).find('[role=alert]').exists()).toBe(false);
  });
});

describe('useLoad', () => {
  it('keeps the newer answer when an earlier load answers late', async () => {
    const answers: ((v: string) => void)[] = [];
    const loaded = useLoad(() => new Promise<string>((resolve) => answers.push(resolve)));
    const second = loaded.reload();
    answers[1]('new');
    await second;
    answers[0]('old');
    await flushPromises();
    expect(loaded.data.value).toBe('new');
    expect(loaded.loading.value).toBe(false);
  });

  it('keeps the refusal for the banner and clears it when a reload succeeds', async () => {
    let fail = true;
    const loaded = useLoad(async () => { if (fail) throw new Problem(404, '未找到', '', undefined, []); return 1; });
    await flushPromises();
    expect(loaded.error.value).toBeInstanceOf(Problem);
    fail = false;
    await loaded.reload();
    expect(loaded.error.value).toBeNull();
    expect(loaded.data.value).toBe(1);
  });
});
