import { useRef, useState } from 'preact/hooks';
import type { ClipSettingsController, ClipSettingsState } from '../../lib/options/clip-settings-controller';
import type { SiteRule } from '../../lib/settings/site-rules';
import { RuleForm } from './RuleForm';

interface SiteRulesSectionProps {
  state: ClipSettingsState;
  controller: ClipSettingsController;
}

function summary(rule: SiteRule, controller: ClipSettingsController): string {
  const parts = [
    controller.nameOf('space', rule.spaceId) ?? (rule.spaceId ? 'a space' : 'last used space'),
    rule.typeKey ? `type ${rule.typeKey}` : undefined,
    rule.collectionId ? `collection ${controller.nameOf('collection', rule.collectionId, rule.spaceId) ?? rule.collectionId}` : undefined,
    rule.tagNames.length ? `tags ${rule.tagNames.join(', ')}` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function SiteRulesSection({ state, controller }: SiteRulesSectionProps) {
  const [editing, setEditing] = useState<string>();
  const rules = state.settings.siteRules;
  const loadSpace = (spaceId: string) => void controller.loadSpace(spaceId);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading" ref={heading} tabIndex={-1}>Site rules</h2>
      <p class="note">Quick clip uses the first rule that matches the page; the defaults apply when none does.</p>
      {rules.length === 0 ? (
        <p>No site rules yet.</p>
      ) : (
        <ol class="cards">
          {rules.map((rule, index) => (
            <li key={rule.id}>
              <article class="card" aria-label={`Rule for ${rule.pattern}`}>
                <h3 class="pattern">{rule.pattern}</h3>
                <p class="card-meta">{summary(rule, controller)}</p>
                <div class="actions">
                  <button type="button" disabled={index === 0 || state.busy} onClick={() => void controller.moveRule(rule.id, -1)}>
                    Move up
                  </button>
                  <button
                    type="button"
                    disabled={index === rules.length - 1 || state.busy}
                    onClick={() => void controller.moveRule(rule.id, 1)}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    aria-expanded={editing === rule.id}
                    onClick={() => setEditing(editing === rule.id ? undefined : rule.id)}
                  >
                    Edit rule
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
                    Remove rule
                  </button>
                </div>
                {editing === rule.id && (
                  <RuleForm
                    idPrefix={`rule-${rule.id}`}
                    initial={rule}
                    submitLabel="Save rule"
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
      <h3>Add a rule</h3>
      <RuleForm
        idPrefix="rule-new"
        submitLabel="Add rule"
        lists={state}
        onSpaceChosen={loadSpace}
        onSubmit={(draft) => controller.addRule(draft)}
      />
    </section>
  );
}
