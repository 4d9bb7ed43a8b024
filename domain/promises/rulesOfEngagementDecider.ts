import type { Decider } from '../decider.ts';
import type { Instant } from '../instant.ts';
import type { PromiseDeskEvent, PromiseDeskEventOf } from './events.ts';
import { PromiseDeskRuleViolation } from './promiseDeskRuleViolation.ts';
import { sameRulesContent, type RulesOfEngagement } from './rulesOfEngagement.ts';

/** Every published version of the rules of engagement, in order: the last is in force. */
export interface RulesOfEngagementVersions {
  versions: RulesOfEngagement[];
}

export type PublishRulesOfEngagement = { type: 'PublishRulesOfEngagement'; rules: RulesOfEngagement; at: Instant };

export const rulesInForce = (state: RulesOfEngagementVersions): RulesOfEngagement | null => state.versions.at(-1) ?? null;

/**
 * The organisation's rules of engagement, on one stream so a version number names one text. A
 * version never changes once published (closes were judged by it); publishing it again with the same
 * content is a retry and records nothing. A new version must be the next number.
 */
export const rulesOfEngagementDecider = {
  initialState: (): RulesOfEngagementVersions => ({ versions: [] }),
  evolve: (state: RulesOfEngagementVersions, event: PromiseDeskEvent): RulesOfEngagementVersions =>
    event.type === 'RulesOfEngagementPublished' ? { versions: [...state.versions, event.data.rules] } : state,
  decide: (command: PublishRulesOfEngagement, state: RulesOfEngagementVersions): PromiseDeskEventOf<'RulesOfEngagementPublished'>[] => {
    const { rules } = command;
    const next = (rulesInForce(state)?.version ?? 0) + 1;
    const published = state.versions.find((existing) => existing.version === rules.version);
    if (published) {
      if (sameRulesContent(published, rules)) return [];
      throw new PromiseDeskRuleViolation(
        'rules-version-published',
        `version ${rules.version} of the rules of engagement is already published with other content; publish version ${next}`,
        'version',
      );
    }
    if (rules.version !== next) {
      throw new PromiseDeskRuleViolation(
        'rules-version-not-next',
        `the next version of the rules of engagement is ${next}, not ${rules.version}`,
        'version',
      );
    }
    return [{ type: 'RulesOfEngagementPublished', occurredAt: command.at, data: { rules } }];
  },
  startsStream: (): boolean => false,
} satisfies Decider<RulesOfEngagementVersions, PublishRulesOfEngagement, PromiseDeskEvent>;
