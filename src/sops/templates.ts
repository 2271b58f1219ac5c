import type { DraftInput } from "./schema.ts";

/**
 * Example procedures from the work the seeds describe, written plainly enough to pass the
 * readability bar, for an owner to copy and adapt.
 */
export const templates: Record<string, DraftInput> = {
  "publish-blog-post": {
    title: "Write and publish a blog post",
    purpose: "Put one new, useful post on the blog each week.",
    definitionOfDone: "The post is live, has a picture, and is linked from the home page.",
    tools: ["Blog editor", "Image library"],
    steps: [
      {
        instruction: "Open the topic list and pick the top topic.",
        detail: "",
        check: "",
        imageId: null,
      },
      {
        instruction: "Write a title of ten words or less.",
        detail: "",
        check: "The title has the main keyword.",
        imageId: null,
      },
      {
        instruction: "Write the post in short parts with a heading for each.",
        detail: "Aim for **600 to 900 words**. Use short sentences.",
        check: "",
        imageId: null,
      },
      {
        instruction: "Add one picture from the image library.",
        detail: "",
        check: "The picture has alt text.",
        imageId: null,
      },
      {
        instruction: "Press publish.",
        detail: "",
        check: "You can open the post in a private window.",
        imageId: null,
      },
      { instruction: "Send the link to the owner.", detail: "", check: "", imageId: null },
    ],
  },
  "submit-article-directories": {
    title: "Submit an article to directories",
    purpose: "Get links and readers from article sites.",
    definitionOfDone: "The article is sent to each site on the list and the links are noted.",
    tools: ["Directory list", "Spreadsheet"],
    steps: [
      { instruction: "Open the directory list.", detail: "", check: "", imageId: null },
      { instruction: "Sign in to the first site.", detail: "", check: "", imageId: null },
      {
        instruction: "Paste the title and the text of the article.",
        detail: "",
        check: "The text has no broken lines.",
        imageId: null,
      },
      {
        instruction: "Add the link to our site in the author box.",
        detail: "",
        check: "",
        imageId: null,
      },
      { instruction: "Send the article.", detail: "", check: "", imageId: null },
      {
        instruction: "Write the page address in the spreadsheet.",
        detail: "",
        check: "Each site on the list has a row.",
        imageId: null,
      },
    ],
  },
  "answer-support-email": {
    title: "Answer a support email",
    purpose: "Help each buyer within one working day.",
    definitionOfDone: "The buyer has a kind, clear answer and the email is filed.",
    tools: ["Help desk inbox", "Order admin"],
    steps: [
      { instruction: "Open the oldest email in the inbox.", detail: "", check: "", imageId: null },
      { instruction: "Find the order by the buyer's email.", detail: "", check: "", imageId: null },
      { instruction: "Pick the saved reply that fits best.", detail: "", check: "", imageId: null },
      {
        instruction: "Change the reply so it speaks to this buyer.",
        detail: "",
        check: "The reply uses the buyer's name.",
        imageId: null,
      },
      { instruction: "Send the reply.", detail: "", check: "", imageId: null },
      {
        instruction: "Tag the email as done.",
        detail: "If you can't help, tag it **owner** instead.",
        check: "",
        imageId: null,
      },
    ],
  },
  "social-post-from-blog": {
    title: "Create a social post from a blog post",
    purpose: "Bring readers from social sites to each new post.",
    definitionOfDone: "Each social page has a short post with the link and a picture.",
    tools: ["Social scheduler"],
    steps: [
      { instruction: "Open the newest blog post.", detail: "", check: "", imageId: null },
      {
        instruction: "Pick the one line that makes people want to read more.",
        detail: "",
        check: "",
        imageId: null,
      },
      {
        instruction: "Write a short post with that line and the link.",
        detail: "",
        check: "The post is under 200 letters.",
        imageId: null,
      },
      { instruction: "Add the post's picture.", detail: "", check: "", imageId: null },
      {
        instruction: "Plan the post for the next free slot.",
        detail: "",
        check: "You see it in the plan.",
        imageId: null,
      },
    ],
  },
};
