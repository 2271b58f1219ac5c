import { Textarea } from "@mantine/core";
import { useState } from "react";
import {
  FEEDBACK_TEMPLATE,
  MIN_SEND_BACK_FEEDBACK,
} from "../../../src/contracts/delivery-rules.ts";
import type { RatingSide, RatingsInput } from "../../../src/work/performance-schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";
import {
  missingRatings,
  ratingInputs,
  ratingsOf,
  RatingsFields,
  unrated,
  type RatingsDraft,
} from "./RatingsFields.tsx";

/**
 * What the reviewer writes when deciding on a delivery (a milestone or a checklist run):
 * an accept rates it and may add a note; a send-back says specifically what to change.
 * Each form keeps its own action and buttons.
 */

export type Decision = "accept" | "send-back";

/** What a decision sends: ratings come with an accept only. */
export interface DecisionWords {
  feedback: string;
  ratings?: RatingsInput;
}

interface DecisionProblems {
  feedback?: string;
  ratings: Partial<Record<RatingSide, string>>;
}

export function useDecisionDraft(decision: Decision) {
  const accepting = decision === "accept";
  const [feedback, setFeedback] = useState(accepting ? "" : FEEDBACK_TEMPLATE);
  const [ratings, setRatings] = useState<RatingsDraft>(unrated);
  const [problems, setProblems] = useState<DecisionProblems>({ ratings: {} });
  return {
    accepting,
    feedback,
    setFeedback,
    ratings,
    setRatings,
    problems,
    /** The decision ready to send, or null with what is wrong shown on the fields. */
    check(): DecisionWords | null {
      const written = feedback.trim();
      if (!accepting) {
        const vague = written.length < MIN_SEND_BACK_FEEDBACK || written === FEEDBACK_TEMPLATE;
        setProblems({
          feedback: vague ? "Say what worked, what to change and by when" : undefined,
          ratings: {},
        });
        return vague ? null : { feedback: written };
      }
      const rated = ratingsOf(ratings);
      setProblems({ ratings: missingRatings(ratings) });
      return rated ? { feedback: written, ratings: rated } : null;
    },
  };
}

export type DecisionDraft = ReturnType<typeof useDecisionDraft>;

/** The ratings (accepting) and the feedback box, with the form's and the API's problems. */
export function DecisionFields({ draft, error }: { draft: DecisionDraft; error: unknown }) {
  const { accepting } = draft;
  return (
    <>
      <FormError error={error} inputs={["feedback", ...ratingInputs]} />
      {accepting && (
        <RatingsFields
          value={draft.ratings}
          onChange={draft.setRatings}
          problems={draft.problems.ratings}
          error={error}
        />
      )}
      <Textarea
        label={accepting ? "A note for the contractor (optional)" : "Feedback"}
        description={
          accepting
            ? "Thanks or a pointer for next time; the contractor sees it"
            : "Specific and kind: what worked, what to change, and by when"
        }
        autosize
        minRows={accepting ? 2 : 4}
        maxLength={5000}
        data-autofocus
        value={draft.feedback}
        onChange={(event) => draft.setFeedback(event.currentTarget.value)}
        error={draft.problems.feedback ?? fieldError(error, "feedback")}
      />
    </>
  );
}
