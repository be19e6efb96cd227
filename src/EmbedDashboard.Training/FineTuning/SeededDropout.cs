using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// Inverted dropout drawing its masks from its own generator, not libtorch's global one, so a seeded
/// fine-tuning run gives the same weights even while other code (another job, a parallel test)
/// draws random numbers. Shared by all layers of one encoder.
/// </summary>
internal sealed class SeededDropout(double probability) : IDisposable
{
    private Generator _generator = new(13);

    public double Probability { get; } = probability;

    public void Reseed(int seed)
    {
        _generator.Dispose();
        _generator = new Generator((ulong)seed);
    }

    /// <summary>Zeroes each element with the probability and scales the rest by 1/(1-p); identity outside training.</summary>
    public Tensor Apply(Tensor x, bool training)
    {
        if (!training || Probability <= 0) return x;
        var keep = rand(x.shape, generator: _generator) >= Probability;
        return x * keep.to_type(x.dtype) * (float)(1 / (1 - Probability));
    }

    public void Dispose() => _generator.Dispose();
}
