/**
 * The six checks of a survey (六查六看, 004 三.2): what is checked and what is looked at. The
 * order is the documents' order; a survey records every one of them.
 */
export const sixChecks = ['setup', 'leadership', 'institutions', 'role', 'development', 'resources'] as const;
export type SixCheck = (typeof sixChecks)[number];

export const checkResults = ['good', 'problem'] as const;

export const sixCheckNames: Record<SixCheck, { zh: string; en: string }> = {
  setup: { zh: '查支部设置情况，看设置是否合理、规模是否合适', en: 'Set-up: sensible structure and size' },
  leadership: { zh: '查领导班子情况，看班子是否健全、换届是否及时', en: 'Leadership: complete and re-elected on time' },
  institutions: { zh: '查组织制度情况，看制度是否健全、落实是否到位', en: 'Institutions: rules in place and followed' },
  role: { zh: '查作用发挥情况，看活动是否正常、服务有无实效', en: 'Role: regular activities, effective service' },
  development: {
    zh: '查党员发展情况，看程序是否规范、质量有无保障',
    en: 'Development: proper procedure, assured quality',
  },
  resources: { zh: '查投入情况，看经费是否落实、场所有无保障', en: 'Resources: funds provided, a place to meet' },
};
