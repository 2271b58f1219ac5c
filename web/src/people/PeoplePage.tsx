import { IconUserSearch } from "@tabler/icons-react";
import { AreaEmptyState } from "../app/components/AreaEmptyState.tsx";

export function PeoplePage() {
  return (
    <AreaEmptyState
      area="People"
      summary="Finding and vetting the people you hand work to."
      icon={<IconUserSearch size={30} />}
      title="Build your bench"
    >
      Candidates from referrals, your own network, search engines and freelance sites will appear
      here as they move from screening to interview to a small paid test project. Scorecards for
      communication, professionalism, samples, references and reviews help you choose, and show
      which channel gives you the best people for the money.
    </AreaEmptyState>
  );
}
