import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import type { ClipSettingsController, ClipSettingsState } from '../../lib/options/clip-settings-controller';
import type { SiteRule } from '../../lib/settings/site-rules';
import { RuleForm } from './RuleForm';
import { SetAsideNotice } from './SetAsideNotice';

interface SiteRulesSectionProps {
  state: ClipSettingsState;
  controller: ClipSettingsController;
  /** Offers a file to the person (the copy of what was set aside). */
  download(name: string, text: string): void;
}

function summary(rule: SiteRule, controller: ClipSettingsController): string {
  const parts = [
    controller.nameOf('space', rule.spaceId) ??
      (rule.spaceId ? i18n.t('options.rules.aSpace') : i18n.t('options.rules.lastUsedSpace')),
    rule.typeKey ? i18n.t('options.rules.type', { type: rule.typeKey }) : undefined,
    rule.collectionId
      ? i18n.t('options.rules.collection', {
          name: controller.nameOf('collection', rule.collectionId, rule.spaceId) ?? rule.collectionId,
        })
      : undefined,
    rule.tagNames.length ? i18n.t('options.rules.tags', { tags: rule.tagNames.join(', ') }) : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function SiteRulesSection({ state, controller, download }: SiteRulesSectionProps) {
  const [editing, setEditing] = useState<string>();
  const rules = state.settings.siteRules;
  const loadSpace = (spaceId: string) => void controller.loadSpace(spaceId);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading" ref={heading} tabIndex={-1}>{i18n.t('options.rules.heading')}</h2>
      <p class="note">{i18n.t('options.rules.intro')}</p>
      <SetAsideNotice entries={state.setAside} download={download} onDismiss={() => void controller.dismissSetAside()} />
      {rules.length === 0 ? (
        <p>{i18n.t('options.rules.none')}</p>
      ) : (
        <ol class="cards">
          {rules.map((rule, index) => (
            <li key={rule.id}>
              <article class="card" aria-label={i18n.t('options.rules.ruleFor', { pattern: rule.pattern })}>
                <h3 class="pattern">{rule.pattern}</h3>
                <p class="card-meta">{summary(rule, controller)}</p>
                <div class="actions">
                  <button type="button" disabled={index === 0 || state.busy} onClick={() => void controller.moveRule(rule.id, -1)}>
                    {i18n.t('options.rules.moveUp')}
                  </button>
                  <button
                    type="button"
                    disabled={index === rules.length - 1 || state.busy}
                    onClick={() => void controller.moveRule(rule.id, 1)}
                  >
                    {i18n.t('options.rules.moveDown')}
                  </button>
                  <button
                    type="button"
                    aria-expanded={editing === rule.id}
                    onClick={() => setEditing(editing === rule.id ? undefined : rule.id)}
                  >
                    {i18n.t('options.rules.edit')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    disabled={state.busy}
                    onClick={() =>
                      void controller.removeRule(rule.id).then((problem) => {
                        // The focused button went with the rule: focus returns to the section.
                        if (!problem) heading.current?.focus();
                      })
                    }
                  >
                    {i18n.t('options.rules.remove')}
                  </button>
                </div>
                {editing === rule.id && (
                  <RuleForm
                    idPrefix={`rule-${rule.id}`}
                    initial={rule}
                    submitLabel={i18n.t('options.rules.save')}
                    lists={state}
                    onSpaceChosen={loadSpace}
                    onSubmit={async (draft) => {
                      const problem = await controller.updateRule(rule.id, draft);
                      if (!problem) setEditing(undefined);
                      return problem;
                    }}
                    onCancel={() => setEditing(undefined)}
                  />
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      <h3>{i18n.t('options.rules.add')}</h3>
      <RuleForm
        idPrefix="rule-new"
        submitLabel={i18n.t('options.rules.addButton')}
        lists={state}
        onSpaceChosen={loadSpace}
        onSubmit={(draft) => controller.addRule(draft)}
      />
    </section>
  );
}
