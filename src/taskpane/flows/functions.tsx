/** The KAM functions, each with a formula to copy: what a user can do without running a report. */
import { Body1, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { MessageKey } from "../../i18n";
import { useFlowStyles } from "../components";
import { useT } from "../i18n";

export type FunctionId = "SCORE" | "TIER" | "CREDITGRADE" | "ABC" | "ABCTABLE" | "LEVEL" | "PROFILE" | "STAGE";

interface FunctionGuide {
  readonly id: FunctionId;
  readonly syntax: string;
  readonly example: string;
}

/** Formulas read the same in every language (=KAM.ABC(...)), so only the explanations are translated. */
export const FUNCTION_GUIDE: readonly FunctionGuide[] = [
  { id: "SCORE", syntax: "KAM.SCORE(points, [weights])", example: "=KAM.SCORE(B2:G2)" },
  { id: "TIER", syntax: "KAM.TIER(score, [model])", example: "=KAM.TIER(H2)" },
  { id: "CREDITGRADE", syntax: "KAM.CREDITGRADE(volume, performance, risk, [output])", example: "=KAM.CREDITGRADE(B2, C2, D2)" },
  { id: "ABC", syntax: "KAM.ABC(amounts, [customers], [a_share], [b_share])", example: "=KAM.ABC(C2:C500, B2:B500)" },
  { id: "ABCTABLE", syntax: "KAM.ABCTABLE(amounts, customers, [a_share], [b_share])", example: "=KAM.ABCTABLE(C2:C500, B2:B500)" },
  { id: "LEVEL", syntax: "KAM.LEVEL(dimension, value)", example: '=KAM.LEVEL("education", "master")' },
  { id: "PROFILE", syntax: "KAM.PROFILE(scores, [kind])", example: "=KAM.PROFILE(B2:G2)" },
  { id: "STAGE", syntax: "KAM.STAGE(signed, [as_of])", example: "=KAM.STAGE(B2)" },
];

/** The catalog entry that explains each function. */
const FUNCTION_TEXT: Readonly<Record<FunctionId, MessageKey>> = {
  SCORE: "fn.SCORE",
  TIER: "fn.TIER",
  CREDITGRADE: "fn.CREDITGRADE",
  ABC: "fn.ABC",
  ABCTABLE: "fn.ABCTABLE",
  LEVEL: "fn.LEVEL",
  PROFILE: "fn.PROFILE",
  STAGE: "fn.STAGE",
};

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    userSelect: "all",
  },
});

export function FunctionsFlow() {
  const t = useT();
  const styles = useFlowStyles();
  const own = useStyles();
  return (
    <div className={styles.flow}>
      <Body1>{t("functions.intro")}</Body1>
      <ul className={own.list}>
        {FUNCTION_GUIDE.map((g) => (
          <li key={g.id}>
            <Card appearance="outline" size="small">
              <CardHeader header={<Subtitle2 as="h3">{`KAM.${g.id}`}</Subtitle2>} description={<Caption1>{g.syntax}</Caption1>} />
              <Body1>{t(FUNCTION_TEXT[g.id])}</Body1>
              <code className={own.formula}>{g.example}</code>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
