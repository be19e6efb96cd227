using System.Text;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Tests.Datasets;

public sealed class HeldOutSplitTests
{
    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Import_ConllTrainAndTest_TrainFileIsTrainAndTestFileIsTest()
    {
        var result = HeldOutSplit.Import(Text("John\tB-person\nran\tO\n\nParis\tB-location\n"), "train.conll", Text("Rome\tB-location\n"), "test.conll", ImportFormat.Conll);

        var sentences = result.Items.Cast<TaggedSentence>().ToList();
        Assert.Equal([Split.Train, Split.Train, Split.Test], sentences.Select(s => s.Split));
        Assert.Equal(["Rome"], sentences[2].Tokens);
        Assert.Contains("test: 1 items from test.conll", result.Notes[0]);
    }

    [Fact]
    public void Import_ClassificationWithoutSplitColumn_NoSeededResplitOfTheTrainingFile()
    {
        var train = string.Join('\n', ["text,label", .. Enumerable.Range(0, 20).Select(i => $"text {i},{(i % 2 == 0 ? "a" : "b")}")]);

        var result = HeldOutSplit.Import(Text(train), "train.csv", Text("text,label\nheld out,a\nalso held out,b\n"), "test.csv", ImportFormat.ClassificationCsv);

        var items = result.Items.Cast<LabeledText>().ToList();
        Assert.Equal(20, items.Count(i => i.Split == Split.Train));
        Assert.Equal(["held out", "also held out"], items.Where(i => i.Split == Split.Test).Select(i => i.Text));
    }

    [Fact]
    public void Import_SameTrainDifferentTest_DifferentContentHash()
    {
        var a = HeldOutSplit.Import(Text("x\tO\n"), "t.conll", Text("y\tO\n"), "s.conll", ImportFormat.Conll);
        var b = HeldOutSplit.Import(Text("x\tO\n"), "t.conll", Text("z\tO\n"), "s.conll", ImportFormat.Conll);

        Assert.NotEqual(a.ContentSha256, b.ContentSha256);
    }

    [Theory]
    [InlineData(ImportFormat.WordSimilarity, "word-similarity lists take no test file")]
    [InlineData(ImportFormat.WordPairList, "antonym/synonym lists take no test file")]
    [InlineData(ImportFormat.Analogy, "analogy question files take no test file")]
    public void Import_PairListsWithTestFile_RefusedWithReason(ImportFormat format, string reason)
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            HeldOutSplit.Import(Text("cat\tdog\t7\n"), "a.txt", Text("car\tbus\t6\n"), "b.txt", format));

        Assert.Contains(reason, ex.Message);
        Assert.Contains("b.txt", ex.Message);
    }

    [Fact]
    public void Import_SickTrainAndTrial_TrainFilePairsTrainTrialPairsTest()
    {
        const string Header = "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n";

        var result = HeldOutSplit.Import(Text(Header + "1\tA dog runs\tA dog is running\t4.8\tENTAILMENT\n2\tA man sings\tA cat sleeps\t1.2\tNEUTRAL\n"), "SICK_train.txt",
            Text(Header + "4\tA boy plays\tA child plays\t4.1\tENTAILMENT\n"), "SICK_trial.txt", ImportFormat.Sick);

        var pairs = result.Items.Cast<ScoredPair>().ToList();
        Assert.Equal(TaskKind.Sts, result.Task);
        Assert.Equal([Split.Train, Split.Train, Split.Test], pairs.Select(p => p.Split));
        Assert.Equal(new ScoredPair("A boy plays", "A child plays", 4.1, Split.Test), pairs[2]);
    }

    [Fact]
    public void Import_StsWithTestFile_NoGoldLinesOfBothFilesCounted()
    {
        var result = HeldOutSplit.Import(Text("4.0\ta\tb\n\tc\td\n"), "train.tsv", Text("\te\tf\n2.5\tg\th\n"), "test.tsv", ImportFormat.Sts);

        Assert.Equal(2, result.SkippedLines);
        Assert.Equal([Split.Train, Split.Train, Split.Test, Split.Test], result.Items.Cast<ScoredPair>().Select(p => p.Split));
        Assert.Contains(result.Notes, n => n.StartsWith("test.tsv: 1 line(s) have no gold score", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SharedSickTrainAndTrial_4500TrainAnd500Test()
    {
        if (EmbedDashboard.Core.Paths.AppPaths.SharedDatasets() is null) return; // ../shared/datasets absent: nothing to read

        using var train = SharedData.Open("sts/SICK_train.txt");
        using var trial = SharedData.Open("sts/SICK_trial.txt");

        var result = HeldOutSplit.Import(train, "SICK_train.txt", trial, "SICK_trial.txt", DatasetImporter.Guess("SICK_train.txt")!.Value);

        var pairs = result.Items.Cast<ScoredPair>().ToList();
        Assert.Equal((4500, 500), (pairs.Count(p => p.Split == Split.Train), pairs.Count(p => p.Split == Split.Test)));
        Assert.Equal("Train: 4,500 items from SICK_train.txt; test: 500 items from SICK_trial.txt (held out as given).", result.Notes[0]);
    }

    [Fact]
    public void Import_BrokenTestFile_LineNumberedErrorNamingIt()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            HeldOutSplit.Import(Text("John\tB-person\n"), "train.conll", Text("Rome\tB-location\nbad\n"), "test.conll", ImportFormat.Conll));

        Assert.Contains("test.conll, line 2", ex.Message);
    }
}
