using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class AntonymPolarityProbeTests
{
    /// <summary>Positive words cluster on +x, negative on −x; antonyms can be put close or far.</summary>
    private static VectorIndex Words(bool antonymsClose, int perSide = 30, int seed = 3)
    {
        var random = new Random(seed);
        var labels = new List<string>();
        var data = new List<float>();
        for (var i = 0; i < perSide; i++)
        {
            foreach (var (prefix, side) in new[] { ("good", 1f), ("bad", -1f) })
            {
                labels.Add($"{prefix}{i}");
                // Antonyms close: the pair (good_i, bad_i) shares a strong private direction i.
                var v = new float[perSide + 1];
                v[0] = side * (antonymsClose ? 0.2f : 1f);
                if (antonymsClose)
                {
                    v[1 + i] = 1f;
                }
                else
                {
                    // Otherwise only small noise besides the polarity axis (a dimension private to a
                    // pair would leak the partner's opposite label into the held-out fold).
                    for (var j = 1; j <= perSide; j++) v[j] = 0.05f * (float)random.NextDouble();
                }
                data.AddRange(v);
            }
        }

        return new VectorIndex(labels, new EmbeddingBatch(data.ToArray(), labels.Count, perSide + 1, new bool[labels.Count], EmbeddingStats.Empty));
    }

    private static (List<WordPair> Antonyms, List<WordPolarity> Polarity) Lexicon(int perSide = 30) => (
        Enumerable.Range(0, perSide).Select(i => new WordPair($"good{i}", $"bad{i}", "antonym")).ToList(),
        Enumerable.Range(0, perSide).SelectMany(i => new[] { new WordPolarity($"good{i}", 2), new WordPolarity($"bad{i}", -2) }).ToList());

    [Fact]
    public void Run_AntonymsSharePrivateDirection_AllAntonymsInTop10()
    {
        var (antonyms, polarity) = Lexicon();

        var report = AntonymPolarityProbe.Run(Words(antonymsClose: true), antonyms, [], polarity, k: 1);

        Assert.Equal(1.0, report.AntonymInTopK); // each word's single nearest neighbour is its antonym
        Assert.Equal(1.0, report.FlipRate);      // and that neighbour has the opposite AFINN sign
        Assert.Equal(30, report.AntonymPairsCovered);
    }

    [Fact]
    public void Run_PolarityAxis_SeparableAndNoFlips()
    {
        var (antonyms, polarity) = Lexicon();

        var report = AntonymPolarityProbe.Run(Words(antonymsClose: false), antonyms, [], polarity, k: 5);

        Assert.Equal(0.0, report.AntonymInTopK);
        Assert.Equal(0.0, report.FlipRate);
        Assert.True(report.Separability.Mean > 0.95, $"separability {report.Separability.Mean}");
        Assert.Equal(0.5, report.MajorityBaseline);
        Assert.True(report.AntonymCosines.Average() < 0, "antonyms on opposite sides of the polarity axis");
    }
}
