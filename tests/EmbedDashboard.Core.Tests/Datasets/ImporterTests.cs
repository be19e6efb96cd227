using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Tests.Datasets;

public sealed class ImporterTests
{
    // Counts below were obtained with shell tools on ../shared/datasets: `wc -l`, `grep -vc '^:'`,
    // `awk -F'\t' '$1==""'` (STS lines without gold), and an awk count of blank-line-separated blocks (CoNLL).

    [Theory]
    [InlineData("word-sim/EN-WS-353-ALL.txt", 353, "love", "sex", 6.77)]
    [InlineData("word-sim/EN-MEN-TR-3k.txt", 3000, "sun", "sunlight", 50.0)]
    public void ImportWordPairs_SharedFiles_AllPairs(string file, int pairs, string a, string b, double score)
    {
        using var stream = SharedData.Open(file);

        var result = ScoredPairImporter.ImportWordPairs(stream, file);

        Assert.Equal(pairs, result.Items.Count);
        Assert.Equal(new ScoredPair(a, b, score), result.Items[0]);
    }

    [Fact]
    public void ImportAnalogy_QuestionsWords_19544In14Sections()
    {
        using var stream = SharedData.Open("analogy/questions-words.txt");

        var result = AnalogyImporter.Import(stream, "questions-words.txt");

        Assert.Equal(19_544, result.Items.Count);
        Assert.Equal(14, result.Items.Select(q => q.Section).Distinct().Count());
        Assert.Equal(new AnalogyQuestion("capital-common-countries", "athens", "greece", "baghdad", "iraq"), result.Items[0]);
    }

    [Fact]
    public void ImportSts_Headlines2015_NoGoldLinesKeptAndCounted()
    {
        using var stream = SharedData.Open("sts/sts2015-headlines.test.tsv");

        var result = ScoredPairImporter.ImportSts(stream, "sts2015-headlines.test.tsv");

        Assert.Equal(1500, result.Items.Count);
        Assert.Equal(750, result.SkippedLines);
        Assert.Equal(750, result.Items.Count(p => p.Score is null));
        Assert.Contains("750 line(s) have no gold score", result.Notes[0]);
    }

    [Fact]
    public void ImportSick_Train_4500Pairs()
    {
        using var stream = SharedData.Open("sts/SICK_train.txt");

        var result = ScoredPairImporter.ImportSick(stream, "SICK_train.txt");

        Assert.Equal(4500, result.Items.Count);
        Assert.Equal(4.5, result.Items[0].Score);
    }

    [Fact]
    public void ImportConll_Wnut17Train_SentencesAndSixTypes()
    {
        using var stream = SharedData.Open("ner-wnut17/wnut17train.conll");

        var result = ConllImporter.Import(stream, "wnut17train.conll");

        Assert.Equal(3394, result.Items.Count);
        Assert.Equal("Entity types: corporation, creative-work, group, location, person, product.", result.Notes[0]);
    }

    [Fact]
    public void ImportWordPairs_NonNumericScoreOnLine3_LineNumberInMessage()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            ScoredPairImporter.ImportWordPairs(SharedData.Text("a\tb\t1.0\nc\td\t2\ne\tf\tmuch\n"), "pairs.txt"));

        Assert.Equal(3, ex.Line);
        Assert.Equal("pairs.txt, line 3: score 'much' is not a number.", ex.Message);
    }

    [Fact]
    public void ImportAnalogy_QuestionBeforeSection_Line1Error()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => AnalogyImporter.Import(SharedData.Text("a b c d\n"), "q.txt"));

        Assert.Equal(1, ex.Line);
        Assert.Contains("before any ': section' header", ex.Message);
    }

    [Fact]
    public void ImportConll_BadTag_LineNumber()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ConllImporter.Import(SharedData.Text("Paris\tB-location\n\nis\tX-thing\n"), "ner.conll"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("'X-thing'", ex.Message);
    }

    [Fact]
    public void Decode_InvalidUtf8OnLine2_SpecificError()
    {
        var bytes = "ok\tfine\t1\n"u8.ToArray().Concat(new byte[] { 0x62, 0xFF, 0x09, 0x63, 0x09, 0x31, 0x0A }).ToArray();

        var ex = Assert.Throws<DatasetFormatException>(() => ScoredPairImporter.ImportWordPairs(new MemoryStream(bytes), "latin1.txt"));

        Assert.Equal(2, ex.Line);
        Assert.Contains("not valid utf-8", ex.Message);
    }

    [Fact]
    public void Import_EmptyFile_NoItemsError()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ScoredPairImporter.ImportWordPairs(new MemoryStream(), "empty.txt"));

        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void ImportDelimited_QuotedCsvWithNewlineAndDuplicate_ParsedAndCounted()
    {
        var csv = "text,label\n\"Great, truly \"\"great\"\"\nfilm\",pos\nBad film,neg\nBad film,neg\nOk film,pos\n";

        var result = ClassificationImporter.ImportDelimited(SharedData.Text(csv), "reviews.csv", ',');

        Assert.Equal(3, result.Items.Count);
        Assert.Equal("Great, truly \"great\"\nfilm", result.Items[0].Text);
        Assert.Equal(1, result.SkippedLines);
        Assert.Contains(result.Notes, n => n.Contains("duplicate"));
    }

    [Fact]
    public void ImportDelimited_WrongFieldCount_LineOfRecord()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            ClassificationImporter.ImportDelimited(SharedData.Text("text,label\ngood,pos\nbad,neg,extra\n"), "r.csv", ','));

        Assert.Equal(3, ex.Line);
        Assert.Contains("expected 2 fields", ex.Message);
    }

    [Fact]
    public void ImportJsonLines_BrokenJsonOnLine2_LineNumber()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            ClassificationImporter.ImportJsonLines(SharedData.Text("{\"text\":\"a\",\"label\":\"x\"}\n{\"text\": oops}\n"), "r.jsonl"));

        Assert.Equal(2, ex.Line);
        Assert.Contains("invalid JSON", ex.Message);
    }

    [Fact]
    public void Assign_SameSeed_SameSplitStratified()
    {
        var items = Enumerable.Range(0, 100).Select(i => new LabeledText($"t{i}", i % 4 == 0 ? "a" : "b")).ToList();

        var first = SeededSplit.Assign(items, 0.5, 13);
        var second = SeededSplit.Assign(items, 0.5, 13);

        Assert.Equal(first, second);
        // 25 items of label "a": Math.Round(25 × 0.5) = 12 (round half to even) go to test.
        Assert.Equal(12, first.Count(i => i.Label == "a" && i.Split == Split.Test));
    }

    [Fact]
    public void ImportWordPairList_DefaultAndExplicitRelation_BadLineNumbered()
    {
        var result = WordPairListImporter.Import(SharedData.Text("Ugly\tbeautiful\nbig\tlarge\tsynonym\n"), "antonyms.tsv");

        Assert.Equal([new WordPair("ugly", "beautiful", "antonym"), new WordPair("big", "large", "synonym")], result.Items);
        var ex = Assert.Throws<DatasetFormatException>(() => WordPairListImporter.Import(SharedData.Text("hot\tcold\nlonely\n"), "antonyms.tsv"));
        Assert.Equal(2, ex.Line);
    }
}
