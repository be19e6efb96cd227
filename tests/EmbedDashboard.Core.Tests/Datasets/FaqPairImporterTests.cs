using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Tests.Datasets;

public sealed class FaqPairImporterTests
{
    [Fact]
    public void ImportDelimited_QuotedAnswerWithCommaAndNoSourceColumn_FileNameIsSource()
    {
        var result = DatasetImporter.Import(SharedData.Text("Question,Answer\nHow do I reset?,\"Hold the button, then wait.\"\nWhy?,Because.\n"), "help-faq.csv", ImportFormat.FaqCsv);

        Assert.Equal(TaskKind.FaqRetrieval, result.Task);
        Assert.Equal(typeof(FaqPair), result.ItemType);
        Assert.Equal([new FaqPair("How do I reset?", "Hold the button, then wait.", "help-faq.csv"), new FaqPair("Why?", "Because.", "help-faq.csv")], result.Items.Cast<FaqPair>());
    }

    [Fact]
    public void ImportDelimited_TsvWithSourceColumn_SourceKept()
    {
        var result = FaqPairImporter.ImportDelimited(SharedData.Text("source\tquery\tpassage\nbilling\tHow do I pay?\tBy card.\n"), "faq.tsv", '\t');

        Assert.Equal([new FaqPair("How do I pay?", "By card.", "billing")], result.Items);
    }

    [Fact]
    public void ImportDelimited_HeaderWithoutAnswerColumn_ErrorNamesTheColumnsFound()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => FaqPairImporter.ImportDelimited(SharedData.Text("question,reply\nq,a\n"), "faq.csv", ','));

        Assert.Equal("faq.csv, line 1: the header must name a question column (question/query/title) and an answer column (answer/passage/body); found: question, reply.", ex.Message);
    }

    [Fact]
    public void ImportDelimited_EmptyAnswer_LineNumberedError()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => FaqPairImporter.ImportDelimited(SharedData.Text("question,answer\nq1,a1\nq2,\n"), "faq.csv", ','));

        Assert.Equal("faq.csv, line 3: the answer is empty; every row needs both.", ex.Message);
    }

    [Theory]
    [InlineData("support-faq.csv", ImportFormat.FaqCsv)]
    [InlineData("FAQ.tsv", ImportFormat.FaqTsv)]
    [InlineData("reviews.csv", ImportFormat.ClassificationCsv)]
    public void Guess_FaqInName_FaqFormat(string fileName, ImportFormat expected)
    {
        Assert.Equal(expected, DatasetImporter.Guess(fileName));
    }

    [Fact]
    public void HeldOutImport_FaqTrainAndTestFiles_TrainFilePairsTrainTestFilePairsTest()
    {
        var result = HeldOutSplit.Import(SharedData.Text("question,answer\nq1,a1\nq2,a2\n"), "faq-train.csv", SharedData.Text("question,answer\nq3,a3\n"), "faq-test.csv", ImportFormat.FaqCsv);

        var pairs = result.Items.Cast<FaqPair>().ToList();
        Assert.Equal(TaskKind.FaqRetrieval, result.Task);
        Assert.Equal([Split.Train, Split.Train, Split.Test], pairs.Select(p => p.Split));
        Assert.Equal(new FaqPair("q3", "a3", "faq-test.csv", Split.Test), pairs[2]);
    }
}
