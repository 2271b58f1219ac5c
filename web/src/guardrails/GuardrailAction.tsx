import { Button } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { Link } from "react-router";
import type { GuardrailWarning } from "../../../src/guardrails/schema.ts";
import { wrappingLabel } from "./button-wrap.ts";

/** The one thing to do about a guardrail, as a link into the app. */
export function GuardrailAction({ action }: { action: GuardrailWarning["action"] }) {
  return (
    <Button
      component={Link}
      to={action.href}
      variant="light"
      size="sm"
      rightSection={<IconArrowRight size={16} aria-hidden />}
      {...wrappingLabel}
    >
      {action.label}
    </Button>
  );
}
