/** The campaign the office last worked on, so 测评会 / 结果 / 设置 in the menu open it directly. */
const KEY = 'leitai.console.campaign';

export const currentCampaign = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (id: string): void => localStorage.setItem(KEY, id),
};
