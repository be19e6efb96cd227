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

    [Fact]
    public void Import_WordPairsWithTestFile_RefusedWithReason()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            HeldOutSplit.Import(Text("cat\tdog\t7\n"), "a.txt", Text("car\tbus\t6\n"), "b.txt", ImportFormat.WordSimilarity));

        Assert.Contains("no train/test split", ex.Message);
        Assert.Contains("b.txt", ex.Message);
    }

    [Fact]
    public void Import_BrokenTestFile_LineNumberedErrorNamingIt()
    {
        var ex = Assert.Throws<DatasetFormatException>(() =>
            HeldOutSplit.Import(Text("John\tB-person\n"), "train.conll", Text("Rome\tB-location\nbad\n"), "test.conll", ImportFormat.Conll));

        Assert.Contains("test.conll, line 2", ex.Message);
    }
}
