using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Web.Features.Summaries;

/// <summary>How a run of text looks: the inline formatting HTML can ask for.</summary>
internal readonly record struct RunFormat(bool Bold = false, bool Italic = false, bool Strike = false, bool Code = false, bool Superscript = false, bool Subscript = false, bool Link = false);

/// <summary>
/// The pieces of a Word document the summary needs — styled paragraphs, lists, tables and links —
/// with the styles and list numbering they refer to, written once at <see cref="Finish"/>. User text
/// passes through <see cref="Clean"/>, since XML cannot hold control characters.
/// </summary>
internal sealed class WordWriter(MainDocumentPart main)
{
    public const string TitleStyle = "Title";
    public const string SubtitleStyle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string StrategyStyle = "Strategy";
    public const string CodeStyle = "Code";
    public const string QuoteStyle = "Quote";
    public const string ListStyle = "ListParagraph";

    private const int BulletAbstractId = 1;
    private const int DecimalAbstractId = 2;
    private const int BulletNumberingId = 1;
    private const string LinkColour = "005EB8";
    private const string Font = "Arial";
    private const string CodeFont = "Courier New";

    private readonly List<int> _numberedLists = [];

    /// <summary>The numbering of bulleted lists; they all share it, as bullets do not count.</summary>
    public static int BulletList => BulletNumberingId;

    public Paragraph Paragraph(string? text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        if (!string.IsNullOrEmpty(text))
        {
            AppendText(paragraph, text, default);
        }

        return paragraph;
    }

    /// <summary>Text an author typed: a blank line starts a paragraph, a line break stays one.</summary>
    public IEnumerable<Paragraph> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : SummaryText.ParagraphsOf(text).Select(p => Paragraph(p)).ToList();

    /// <summary>"Label: text", the label in bold.</summary>
    public Paragraph LabelledParagraph(string label, string text)
    {
        var paragraph = new Paragraph();
        paragraph.Append(Run(label + ": ", new RunFormat(Bold: true)));
        AppendText(paragraph, text, default);
        return paragraph;
    }

    /// <summary>Links one after another, separated by a middle dot, indented under a list item.</summary>
    public Paragraph LinksParagraph(IEnumerable<(string Text, string Href)> links)
    {
        var paragraph = Indented(new Paragraph());
        var first = true;
        foreach (var (text, href) in links)
        {
            if (!first)
            {
                paragraph.Append(Run(" · ", default));
            }

            paragraph.Append(Hyperlink(href, [Run(text, new RunFormat(Link: true))]) ?? (OpenXmlElement)Run(text, default));
            first = false;
        }

        return paragraph;
    }

    /// <summary>The paragraph, indented to sit under the text of a first-level list item.</summary>
    public Paragraph Indented(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.Append(new Indentation { Left = "720" });
        return paragraph;
    }

    /// <summary>A new numbered list, counting from 1.</summary>
    public int NewNumberedList()
    {
        var id = BulletNumberingId + 1 + _numberedLists.Count;
        _numberedLists.Add(id);
        return id;
    }

    public Paragraph ListItem(string? text, int list, int level)
    {
        var paragraph = ListParagraph(list, level);
        if (!string.IsNullOrEmpty(text))
        {
            AppendText(paragraph, text, default);
        }

        return paragraph;
    }

    /// <summary>An empty paragraph that is an item of <paramref name="list"/> at <paramref name="level"/> (0 to 8).</summary>
    public static Paragraph ListParagraph(int list, int level) =>
        new(new ParagraphProperties(
            new ParagraphStyleId { Val = ListStyle },
            new NumberingProperties(new NumberingLevelReference { Val = Math.Clamp(level, 0, 8) }, new NumberingId { Val = list })));

    /// <summary>A table with thin borders; the header row, when there is one, repeats on every page.</summary>
    public Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, bool headerRow)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = header.Count;
        var table = EmptyTable(columns);
        if (headerRow)
        {
            table.Append(Row(header, bold: true, isHeader: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row([.. row.Take(columns), .. Enumerable.Repeat(string.Empty, Math.Max(0, columns - row.Count))], bold: false, isHeader: false, firstBold: !headerRow));
        }

        return table;
    }

    /// <summary>A full-width table with single borders everywhere and <paramref name="columns"/> equal columns, no rows yet.</summary>
    private static Table EmptyTable(int columns)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U },
                new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U },
                new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })));
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        return table;
    }

    /// <summary>A table whose cells are already made (from HTML); rows are padded to the widest.</summary>
    public static Table Table(IReadOnlyList<IReadOnlyList<(IReadOnlyList<Paragraph> Content, bool IsHeader)>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var table = EmptyTable(columns);
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            if (row.Count > 0 && row.All(c => c.IsHeader))
            {
                tableRow.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var (content, _) in row)
            {
                tableRow.Append(new TableCell(content.Count == 0 ? [new Paragraph()] : content));
            }

            for (var i = row.Count; i < columns; i++)
            {
                tableRow.Append(new TableCell(new Paragraph()));
            }

            table.Append(tableRow);
        }

        return table;
    }

    /// <summary>A link to an http, https or mailto address; null for any other, whose text the caller keeps as plain text.</summary>
    public Hyperlink? Hyperlink(string? href, IEnumerable<OpenXmlElement> runs)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }

        var relationship = main.AddHyperlinkRelationship(uri, isExternal: true);
        return new Hyperlink(runs) { Id = relationship.Id, History = OnOffValue.FromBoolean(true) };
    }

    /// <summary>Text in runs, a line break where the text has one.</summary>
    public static void AppendText(OpenXmlElement parent, string text, RunFormat format)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var lines = (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                parent.Append(new Run(new Break()));
            }

            if (lines[i].Length > 0)
            {
                parent.Append(Run(lines[i], format));
            }
        }
    }

    public static Run Run(string text, RunFormat format)
    {
        var run = new Run();
        var properties = Properties(format);
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>The text without the characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Writes the styles and the list numbering the document's paragraphs refer to.</summary>
    public void Finish()
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            [
                AbstractList(BulletAbstractId, NumberFormatValues.Bullet, _ => "•"),
                AbstractList(DecimalAbstractId, NumberFormatValues.Decimal, level => $"%{level + 1}."),
                new NumberingInstance(new AbstractNumId { Val = BulletAbstractId }) { NumberID = BulletNumberingId },
                .. _numberedLists.Select(id => new NumberingInstance(
                    new AbstractNumId { Val = DecimalAbstractId },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = id }),
            ]);
    }

    private TableRow Row(IReadOnlyList<string> cells, bool bold, bool isHeader, bool firstBold = false)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var paragraph = new Paragraph();
            AppendText(paragraph, cells[i], new RunFormat(Bold: bold || (firstBold && i == 0)));
            row.Append(new TableCell(paragraph));
        }

        return row;
    }

    private static RunProperties Properties(RunFormat format)
    {
        // Children in the order the schema asks for: fonts, bold, italic, strike, colour, underline, vertical alignment.
        var properties = new RunProperties();
        if (format.Code)
        {
            properties.Append(new RunFonts { Ascii = CodeFont, HighAnsi = CodeFont, ComplexScript = CodeFont });
        }

        if (format.Bold)
        {
            properties.Append(new Bold());
        }

        if (format.Italic)
        {
            properties.Append(new Italic());
        }

        if (format.Strike)
        {
            properties.Append(new Strike());
        }

        if (format.Link)
        {
            properties.Append(new Color { Val = LinkColour });
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        if (format.Superscript || format.Subscript)
        {
            properties.Append(new VerticalTextAlignment { Val = format.Superscript ? VerticalPositionValues.Superscript : VerticalPositionValues.Subscript });
        }

        return properties;
    }

    private static AbstractNum AbstractList(int id, NumberFormatValues format, Func<int, string> text)
    {
        var list = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var indent = 720 * (level + 1);
            list.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text(level) },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }

        return list;
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, string? basedOn, StyleParagraphProperties? paragraph, StyleRunProperties? run, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new NextParagraphStyle { Val = "Normal" });
            style.Append(new PrimaryStyle());
            var properties = paragraph ?? new StyleParagraphProperties();
            if (outline is { } level)
            {
                properties.Append(new OutlineLevel { Val = level });
            }

            if (properties.HasChildren)
            {
                style.Append(properties);
            }

            if (run is not null)
            {
                style.Append(run);
            }

            return style;
        }

        static StyleRunProperties Run(int halfPoints, bool bold = false, string? colour = null, string font = Font)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font });
            if (bold)
            {
                run.Append(new Bold());
            }

            if (colour is not null)
            {
                run.Append(new Color { Val = colour });
            }

            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return run;
        }

        static StyleParagraphProperties Spacing(int before, int after, bool keepNext = false)
        {
            var properties = new StyleParagraphProperties();
            if (keepNext)
            {
                properties.Append(new KeepNext());
            }

            properties.Append(new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return properties;
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }),
            Run(22))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = OnOffValue.FromBoolean(true) };

        var quote = Paragraph(QuoteStyle, "Quote", "Normal", new StyleParagraphProperties(new Indentation { Left = "720", Right = "720" }), new StyleRunProperties(new Italic()));
        var list = Paragraph(ListStyle, "List Paragraph", "Normal", new StyleParagraphProperties(new SpacingBetweenLines { After = "80" }, new Indentation { Left = "720" }), null);
        return new Styles(
            normal,
            Paragraph(TitleStyle, "Title", "Normal", Spacing(0, 120), Run(44, bold: true)),
            Paragraph(SubtitleStyle, "Subtitle", "Normal", Spacing(0, 240), Run(26, colour: "4C6272")),
            Paragraph(Heading1, "heading 1", "Normal", Spacing(360, 120, keepNext: true), Run(32, bold: true), outline: 0),
            Paragraph(Heading2, "heading 2", "Normal", Spacing(240, 80, keepNext: true), Run(26, bold: true), outline: 1),
            Paragraph(Heading3, "heading 3", "Normal", Spacing(200, 60, keepNext: true), Run(24, bold: true), outline: 2),
            Paragraph(StrategyStyle, "Search strategy line", "Normal", new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Indentation { Left = "360", Hanging = "360" }), Run(20, font: CodeFont)),
            Paragraph(CodeStyle, "Code", "Normal", new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }), Run(20, font: CodeFont)),
            quote,
            list);
    }
}
