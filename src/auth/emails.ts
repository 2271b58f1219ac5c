/** The words of the account emails. Plain text: it reads well everywhere and cannot phish with markup. */
export function inviteEmail(input: {
  workspaceName: string;
  inviterName: string;
  role: string;
  link: string;
  expiresOn: string;
}) {
  return {
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Handoff`,
    body: [
      `Hello,`,
      ``,
      `${input.inviterName} has invited you to join ${input.workspaceName} on Handoff as a ${input.role}.`,
      ``,
      `Accept the invitation and choose your password here:`,
      input.link,
      ``,
      `The link works once and expires on ${input.expiresOn}.`,
      `If you were not expecting this, you can ignore this email.`,
    ].join("\n"),
  };
}

export function passwordResetEmail(input: { name: string; link: string }) {
  return {
    subject: "Reset your Handoff password",
    body: [
      `Hello ${input.name},`,
      ``,
      `Someone asked to reset the password of your Handoff account. To choose a new one, open:`,
      input.link,
      ``,
      `The link works once and expires in one hour. If it wasn't you, ignore this email;`,
      `your password stays as it is.`,
    ].join("\n"),
  };
}

export function formatExpiry(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en", {
    dateStyle: "long",
    timeStyle: "long",
    timeZone,
  }).format(instant);
}
