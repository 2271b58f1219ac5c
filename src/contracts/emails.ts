import { NEVER_IN_ADVANCE } from "./document.ts";

/** The words of the contract emails, in plain text like the account emails. */

export function contractSentEmail(input: {
  contractorName: string;
  ownerName: string;
  workspaceName: string;
  title: string;
  link: string;
  changed: boolean;
}) {
  const what = input.changed ? "changed the contract" : "sent you a contract";
  return {
    subject: input.changed
      ? `Contract changed, please read it again: ${input.title}`
      : `Contract to read and accept: ${input.title}`,
    body: [
      `Hello ${input.contractorName},`,
      ``,
      `${input.ownerName} of ${input.workspaceName} has ${what} "${input.title}".`,
      `Read it and, if you agree, accept it by typing your name:`,
      input.link,
      ``,
      NEVER_IN_ADVANCE,
    ].join("\n"),
  };
}

export function contractAcceptedEmail(input: {
  ownerName: string;
  contractorName: string;
  title: string;
  version: number;
  acceptedOn: string;
  link: string;
}) {
  return {
    subject: `${input.contractorName} accepted ${input.title}`,
    body: [
      `Hello ${input.ownerName},`,
      ``,
      `${input.contractorName} accepted version ${input.version} of "${input.title}" on ${input.acceptedOn}.`,
      `The contract is now active. The acceptance record is on the contract:`,
      input.link,
    ].join("\n"),
  };
}
