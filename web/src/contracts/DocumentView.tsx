import { Anchor, Code, List, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { Fragment } from "react";
import type { DocumentBlock, TextRun } from "../../../src/contracts/schema.ts";
import classes from "./DocumentView.module.css";

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return runs.map((run, index) => {
    const lines = run.text.split("\n");
    let content = (
      <>
        {lines.map((line, at) => (
          <Fragment key={at}>
            {at > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </>
    );
    if (run.code) content = <Code>{content}</Code>;
    if (run.italic) content = <em>{content}</em>;
    if (run.bold) content = <strong>{content}</strong>;
    if (run.link) {
      content = (
        <Anchor inherit href={run.link} target="_blank" rel="noopener noreferrer nofollow">
          {content}
        </Anchor>
      );
    }
    return <Fragment key={index}>{content}</Fragment>;
  });
}

function ListBlock({ block }: { block: Extract<DocumentBlock, { kind: "list" }> }) {
  return (
    <List type={block.ordered ? "ordered" : "unordered"} start={block.start} spacing={4} size="sm">
      {block.items.map((item, index) => (
        <List.Item key={index} ml={item.depth * 20}>
          <Runs runs={item.runs} />
        </List.Item>
      ))}
    </List>
  );
}

function TableBlock({ block }: { block: Extract<DocumentBlock, { kind: "table" }> }) {
  return (
    // A region of its own that keyboard users can scroll when the table is wider than a phone.
    <div
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label="Table, scrolls sideways"
    >
      <Table striped={false} withTableBorder fz="sm" verticalSpacing="xs" miw={560}>
        <Table.Thead>
          <Table.Tr>
            {block.header.map((cell, index) => (
              <Table.Th key={index} ta={block.align[index]}>
                <Runs runs={cell} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {block.rows.map((row, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {row.map((cell, index) => (
                <Table.Td
                  key={index}
                  ta={block.align[index]}
                  className={block.align[index] === "right" ? classes.amount : undefined}
                >
                  <Runs runs={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * The contract document as the page shows it. Its headings sit under the page's own: the
 * document's level 1 becomes `topLevel`, and so on down.
 */
export function DocumentView({
  blocks,
  topLevel,
}: {
  blocks: readonly DocumentBlock[];
  topLevel: 2 | 3;
}) {
  return (
    <div className={classes.document}>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "heading": {
            const order = Math.min(6, topLevel + block.level - 1) as TitleOrder;
            const size = block.level === 1 ? "h2" : block.level === 2 ? "h4" : "h5";
            return (
              <Title key={index} order={order} size={size} className={classes.heading}>
                <Runs runs={block.runs} />
              </Title>
            );
          }
          case "paragraph":
            return (
              <Text key={index} size="sm">
                <Runs runs={block.runs} />
              </Text>
            );
          case "quote":
            return (
              <Text key={index} size="sm" c="dimmed" className={classes.quote}>
                <Runs runs={block.runs} />
              </Text>
            );
          case "list":
            return <ListBlock key={index} block={block} />;
          case "table":
            return <TableBlock key={index} block={block} />;
          case "code":
            return (
              <Code key={index} block>
                {block.text}
              </Code>
            );
          case "rule":
            return <hr key={index} className={classes.rule} />;
        }
      })}
    </div>
  );
}
