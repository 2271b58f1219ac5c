import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { askQuestion, checkStep, startRun } from "../sops/run-service.ts";
import { createFromTemplate, publish, share } from "../sops/service.ts";

/**
 * The candle shop's first blueprints, from the templates: published, shared with the
 * writer and the assistant, and one checklist under way with a question waiting.
 */
export async function seedBlueprints(
  ctx: AppContext,
  owner: Actor,
  contractors: { writer: Actor; assistant: Actor },
  dueDate: string,
) {
  const blog = await createFromTemplate(ctx, owner, "publish-blog-post");
  await publish(ctx, owner, blog.id, null);
  await share(ctx, owner, blog.id, {
    versionNumber: 1,
    contractorIds: [contractors.writer.userId],
  });

  const support = await createFromTemplate(ctx, owner, "answer-support-email");
  await publish(ctx, owner, support.id, null);
  await share(ctx, owner, support.id, {
    versionNumber: 1,
    contractorIds: [contractors.assistant.userId],
  });
  const run = await startRun(ctx, owner, {
    sopId: support.id,
    versionNumber: 1,
    contractorId: contractors.assistant.userId,
    dueDate,
  });
  await checkStep(ctx, contractors.assistant, run.id, 0, { note: "", link: "" });
  await checkStep(ctx, contractors.assistant, run.id, 1, { note: "Order #1042", link: "" });
  await askQuestion(
    ctx,
    contractors.assistant,
    run.id,
    2,
    "None of the saved replies fits a broken candle. Which one should I use?",
  );

  await createFromTemplate(ctx, owner, "social-post-from-blog");
}
