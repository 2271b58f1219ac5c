import { describe, expect, it } from "vitest";
import { renderDetail } from "../../src/sops/markdown.ts";

const safeLink = (href: string, text: string) =>
  `<a href="${href}" target="_blank" rel="noopener noreferrer nofollow">${text}</a>`;
const deadLink = (text: string) =>
  `<a target="_blank" rel="noopener noreferrer nofollow">${text}</a>`;

describe("renderDetail", () => {
  it("renders nothing for an empty detail", () => {
    expect(renderDetail("")).toBe("");
    expect(renderDetail("  \n ")).toBe("");
  });

  it("keeps the Markdown a step needs: emphasis, lists, code and line breaks", () => {
    expect(renderDetail("Use **bold**, *this* and `code`.\nNext line")).toBe(
      "<p>Use <strong>bold</strong>, <em>this</em> and <code>code</code>.<br />Next line</p>\n",
    );
    expect(renderDetail("- one\n- two")).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  });

  it("drops script tags with what they hold", () => {
    expect(renderDetail("<script>alert('x')</script>Hi")).toBe("Hi");
    expect(renderDetail("Text\n\n<script src=https://evil.example/x.js></script>")).toBe(
      "<p>Text</p>\n",
    );
  });

  it("drops event handlers, images, frames, SVG and styles", () => {
    expect(renderDetail('<img src="x" onerror="alert(1)">')).toBe("");
    expect(renderDetail("<svg onload=alert(1)><circle/></svg>")).not.toMatch(/svg|onload/);
    expect(renderDetail('<iframe src="https://evil.example"></iframe>ok')).toBe("ok");
    expect(renderDetail('<p style="color:red" onclick="x()">styled</p>')).toBe("<p>styled</p>");
    expect(renderDetail("<b onmouseover=alert(1)>b</b>")).not.toMatch(/onmouseover/);
  });

  it("keeps a link's text but not a javascript:, data: or vbscript: target, whatever the case", () => {
    expect(renderDetail("[go](javascript:alert(1))")).toBe(`<p>${deadLink("go")}</p>\n`);
    expect(renderDetail("[go](JaVaScRiPt:alert(1))")).toBe(`<p>${deadLink("go")}</p>\n`);
    expect(renderDetail("[go](data:text/html;base64,PHNjcmlwdD4=)")).toBe(
      `<p>${deadLink("go")}</p>\n`,
    );
    expect(renderDetail('<a href="vbscript:msgbox(1)">go</a>')).toBe(`<p>${deadLink("go")}</p>\n`);
  });

  it("opens web and mail links in a new tab without handing over the page", () => {
    expect(renderDetail("[guide](https://guide.example/a?b=1)")).toBe(
      `<p>${safeLink("https://guide.example/a?b=1", "guide")}</p>\n`,
    );
    expect(renderDetail("[mail](mailto:help@shop.example)")).toBe(
      `<p>${safeLink("mailto:help@shop.example", "mail")}</p>\n`,
    );
    expect(
      renderDetail(
        '<a href="https://shop.example" target="_self" rel="opener" onclick="x()">s</a>',
      ),
    ).toBe(`<p>${safeLink("https://shop.example", "s")}</p>\n`);
  });

  it("turns top headings into smaller ones, below the page's own", () => {
    expect(renderDetail("# Big\n\n## Less\n\n### Least")).toBe(
      "<h3>Big</h3>\n<h4>Less</h4>\n<h3>Least</h3>\n",
    );
  });
});
