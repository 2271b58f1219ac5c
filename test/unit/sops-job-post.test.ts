import { describe, expect, it } from "vitest";
import { channels, jobPosts, type JobFacts } from "../../src/sops/job-post.ts";
import type { ProcedureContent } from "../../src/sops/rules.ts";

const facts: JobFacts = {
  title: "Answer a support email",
  purpose: "Help each buyer within one working day.",
  definitionOfDone: "The buyer has a kind, clear answer and the email is filed.",
  skillArea: "support",
  hoursPerWeek: 6,
  hourlyRate: 1250,
  currency: "USD",
};

const postOf = (channel: string, changes: Partial<JobFacts> = {}) => {
  const post = jobPosts({ ...facts, ...changes }).find((variant) => variant.channel === channel);
  expect(post, channel).toBeDefined();
  return post!;
};

describe("jobPosts", () => {
  it("makes one post per channel the seeds name, in Markdown and in plain text", () => {
    const posts = jobPosts(facts);
    expect(posts.map((post) => post.channel)).toEqual([
      "referral",
      "network",
      "upwork",
      "guru",
      "peopleperhour",
      "fiverr",
    ]);
    expect(posts.map((post) => post.label)).toEqual(channels.map((channel) => channel.label));
    for (const post of posts) {
      expect(post.markdown).toMatch(/^## /);
      expect(post.text).not.toMatch(/^## |\*\*/m);
      expect(post.markdown.endsWith("\n")).toBe(true);
    }
  });

  it.each(channels.map((channel) => channel.channel))(
    "%s names the work, the hours and the pay",
    (channel) => {
      const post = postOf(channel);
      for (const body of [post.markdown, post.text]) {
        expect(body).toContain("Answer a support email");
        expect(body).toContain("About 6 hours a week");
        expect(body).toContain("$12.50 per hour");
      }
    },
  );

  it("writes a freelance-site post in full: result, details, a paid test and screening questions", () => {
    const post = postOf("upwork");
    expect(post.markdown).toBe(
      [
        "## Answer a support email (support)",
        "Help each buyer within one working day.",
        "**The result I need**\nThe buyer has a kind, clear answer and the email is filed.",
        "**Details**\n- Skill: support\n- About 6 hours a week\n- $12.50 per hour",
        "**How to apply**\nTo apply, reply with the answers below. I'll pay a small test task first, then we go from there. Work is paid when it is accepted.",
        "**Questions**\n- Have you done this kind of work before? Please share one example.\n- How many hours a week can you give this, and in which time zone?\n- How do you like to report progress: email, chat or a short call?",
      ].join("\n\n") + "\n",
    );
    expect(post.text).toContain("Details\n• Skill: support\n• About 6 hours a week");
  });

  it("keeps a referral message and a Fiverr request short", () => {
    const referral = postOf("referral");
    expect(referral.text).toBe(
      [
        "Know someone for answer a support email?",
        [
          'Hi! I\'m looking for someone to help with "Answer a support email". Help each buyer within one working day.',
          "About 6 hours a week, $12.50 per hour; paid after each piece of work I accept.",
          "Do you know someone good? I'd start them with a small paid test.",
        ].join("\n"),
      ].join("\n\n") + "\n",
    );
    const fiverr = postOf("fiverr");
    expect(fiverr.text).toContain("Skill: support · About 6 hours a week · $12.50 per hour");
    expect(fiverr.text).not.toContain("How to apply");
    expect(fiverr.text.split("\n").filter(Boolean)).toHaveLength(4);
  });

  it("formats pay in the workspace's currency, whole amounts without cents", () => {
    expect(postOf("guru", { hourlyRate: 4000, currency: "EUR" }).text).toContain("€40 per hour");
    expect(postOf("guru", { hourlyRate: 1500, currency: "JPY" }).text).toContain("¥1,500 per hour");
    expect(postOf("guru", { hourlyRate: 123456, currency: "GBP" }).text).toContain(
      "£1,234.56 per hour",
    );
  });

  it("leaves out hours, pay and skill it does not know, without empty lines or headings", () => {
    const unknown = { hoursPerWeek: null, hourlyRate: null, skillArea: null };
    for (const post of jobPosts({ ...facts, ...unknown })) {
      expect(post.text).not.toMatch(/per hour|About \d|Skill:/);
      expect(post.text).not.toMatch(/\n{3,}/);
      expect(post.text).not.toMatch(/^Details$/m);
    }
    expect(postOf("referral", unknown).text).toContain(
      "\npaid after each piece of work I accept.\n",
    );
    expect(postOf("upwork", unknown).markdown.split("\n")[0]).toBe("## Answer a support email");
  });

  it("never carries the procedure's steps, details, checks or tools, even when handed them", () => {
    const secret = "Quokkaplume";
    const procedure: ProcedureContent & JobFacts = {
      ...facts,
      tools: [`${secret} admin`],
      steps: [
        {
          instruction: `Sign in to ${secret}.`,
          detail: `The password is in **${secret}** vault.`,
          check: `${secret} shows the inbox.`,
          imageId: null,
        },
      ],
    };
    for (const post of jobPosts(procedure)) {
      expect(post.markdown).not.toContain(secret);
      expect(post.text).not.toContain(secret);
    }
  });
});
