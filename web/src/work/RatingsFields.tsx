import { Input, Rating, Stack } from "@mantine/core";
import { useId } from "react";
import {
  RATING_SIDES,
  type RatingSide,
  type RatingsInput,
} from "../../../src/work/performance-schema.ts";
import { fieldError } from "../app/form.ts";

/** The three ratings an accept gives (1–5 stars each), for milestones and checklist runs. */

/** 0 while a side is not rated yet. */
export type RatingsDraft = Record<RatingSide, number>;
export const unrated: RatingsDraft = { quality: 0, timeliness: 0, communication: 0 };

/** The names of the ratings' inputs, as the API names them in its errors. */
export const ratingInputs = RATING_SIDES.map((side) => `ratings.${side}`);

const sides: Record<RatingSide, { label: string; description: string }> = {
  quality: { label: "Quality", description: "Is it what was asked for, done well?" },
  timeliness: { label: "Timeliness", description: "Was it handed in when agreed?" },
  communication: {
    label: "Communication",
    description: "Were updates and questions clear and on time?",
  },
};

/** Each side left unrated, with what to do about it. */
export function missingRatings(draft: RatingsDraft): Partial<Record<RatingSide, string>> {
  return Object.fromEntries(
    RATING_SIDES.filter((side) => draft[side] === 0).map((side) => [
      side,
      `Rate ${side} from 1 to 5`,
    ]),
  );
}

/** The draft as the API takes it, once every side is rated. */
export function ratingsOf(draft: RatingsDraft): RatingsInput | null {
  return RATING_SIDES.every((side) => draft[side] > 0) ? { ...draft } : null;
}

function RatingField({
  side,
  value,
  onChange,
  error,
}: {
  side: RatingSide;
  value: number;
  onChange: (value: number) => void;
  error?: string;
}) {
  const id = useId();
  const { label, description } = sides[side];
  return (
    <Input.Wrapper
      id={id}
      label={label}
      labelElement="div"
      description={description}
      error={error}
      withAsterisk
    >
      <Rating
        mt={4}
        size="lg"
        name={`${id}-${side}`}
        value={value}
        onChange={onChange}
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        aria-invalid={error ? true : undefined}
        getSymbolLabel={(stars) => `${label}: ${stars} of 5`}
      />
    </Input.Wrapper>
  );
}

export function RatingsFields({
  value,
  onChange,
  problems,
  error,
}: {
  value: RatingsDraft;
  onChange: (value: RatingsDraft) => void;
  /** What the form found before sending. */
  problems: Partial<Record<RatingSide, string>>;
  /** What the API answered. */
  error: unknown;
}) {
  return (
    <Stack gap="sm">
      {RATING_SIDES.map((side) => (
        <RatingField
          key={side}
          side={side}
          value={value[side]}
          onChange={(stars) => onChange({ ...value, [side]: stars })}
          error={problems[side] ?? fieldError(error, `ratings.${side}`)}
        />
      ))}
    </Stack>
  );
}
