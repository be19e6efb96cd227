using System.Numerics.Tensors;

namespace EmbedDashboard.Training.Tagger;

/// <summary>One sentence as the model sees it: each word's table rows (<see cref="TaggerVocabulary.WordRows"/>) and its tag index.</summary>
public sealed record TaggedRows(int[][] Words, int[] Tags);

/// <summary>
/// A window tagger (Collobert et al. style, without the hidden layer): word i's input is the
/// concatenation of the vectors of words i−R..i+R (R = <see cref="Radius"/>, 2 by default), where a
/// word's vector is the mean of its table rows; logits = W·x + b, softmax over the tags, cross-entropy.
/// Positions past either sentence end use one learned <see cref="Padding"/> vector (not a table row, so
/// the saved table is words + buckets only, like the fastText tables); learned rather than zero so the
/// model can tell "sentence starts here", a strong cue for B- tags. A word with no rows has the zero
/// vector. Gradients are exact (checked against finite differences in the tests). Not thread-safe while training.
/// </summary>
public sealed class WindowTaggerModel
{
    public WindowTaggerModel(int rows, int dimension, int tags, int radius, float[] embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Length != (long)rows * dimension) throw new ArgumentException($"Embedding table has {embeddings.Length} floats, expected {rows}×{dimension}.", nameof(embeddings));
        if (tags < 1) throw new ArgumentException($"A tagger needs at least one tag (got {tags}).", nameof(tags));
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        Rows = rows;
        Dimension = dimension;
        Tags = tags;
        Radius = radius;
        Embeddings = embeddings;
        // Output layer at zero, as fastText: every tag equally likely at first, gradients from the data only.
        Weights = new float[tags * InputSize];
        Bias = new float[tags];
        Padding = new float[dimension];
    }

    public int Rows { get; }
    public int Dimension { get; }
    public int Tags { get; }
    public int Radius { get; }
    public int Window => 2 * Radius + 1;
    public int InputSize => Window * Dimension;

    /// <summary>E [Rows × Dimension], row-major.</summary>
    public float[] Embeddings { get; }

    /// <summary>W [Tags × InputSize]: row t scores tag t from the concatenated window.</summary>
    public float[] Weights { get; }
    public float[] Bias { get; }

    /// <summary>The vector of the positions past the sentence ends.</summary>
    public float[] Padding { get; }

    /// <summary>Mean of each word's rows into vectors [words × Dimension] (zero for a word without rows).</summary>
    public void WordVectors(int[][] words, Span<float> vectors)
    {
        var d = Dimension;
        vectors[..(words.Length * d)].Clear();
        for (var j = 0; j < words.Length; j++)
        {
            var v = vectors.Slice(j * d, d);
            foreach (var r in words[j]) TensorPrimitives.Add(v, Embeddings.AsSpan(r * d, d), v);
            if (words[j].Length > 0) TensorPrimitives.Multiply(v, 1f / words[j].Length, v);
        }
    }

    /// <summary>Tag probabilities of every word of a sentence, [words × Tags].</summary>
    public float[] Probabilities(int[][] words)
    {
        var vectors = new float[words.Length * Dimension];
        var x = new float[InputSize];
        var p = new float[words.Length * Tags];
        WordVectors(words, vectors);
        for (var i = 0; i < words.Length; i++)
        {
            Input(vectors, words.Length, i, x);
            Scores(x, p.AsSpan(i * Tags, Tags));
        }

        return p;
    }

    /// <summary>The most probable tag of each word (each on its own: no transition model).</summary>
    public int[] Predict(int[][] words)
    {
        var p = Probabilities(words);
        return Enumerable.Range(0, words.Length).Select(i => TensorPrimitives.IndexOfMax(p.AsSpan(i * Tags, Tags))).ToArray();
    }

    /// <summary>Mean cross-entropy per word over all words of the sentences (0 when there are none).</summary>
    public double Loss(IReadOnlyList<TaggedRows> sentences)
    {
        double loss = 0;
        var count = 0;
        foreach (var s in sentences)
        {
            Check(s);
            var p = Probabilities(s.Words);
            for (var i = 0; i < s.Tags.Length; i++) loss -= Math.Log(Math.Max(p[i * Tags + s.Tags[i]], 1e-30));
            count += s.Tags.Length;
        }

        return count == 0 ? 0 : loss / count;
    }

    /// <summary>
    /// <see cref="Loss"/> and its exact gradients into <paramref name="g"/> (cleared first). Per word:
    /// dLogits = (p − onehot(tag)) / words; dW[t] += dLogits[t]·x; db += dLogits; dx = Wᵀ·dLogits, whose
    /// slot k goes to the vector of word i−R+k (or to the padding). Each word's vector gradient is then
    /// shared equally by its rows, once per occurrence, so a row used twice gets both shares.
    /// </summary>
    public double Gradients(IReadOnlyList<TaggedRows> sentences, TaggerGradients g)
    {
        ArgumentNullException.ThrowIfNull(g);
        g.Clear();
        var total = 0;
        foreach (var s in sentences)
        {
            Check(s);
            total += s.Tags.Length;
        }

        if (total == 0) return 0;
        var scale = 1f / total;
        var d = Dimension;
        double loss = 0;
        foreach (var s in sentences)
        {
            var n = s.Words.Length;
            var vectors = g.Scratch(ref g.Vectors, n * d);
            var dVectors = g.Scratch(ref g.DVectors, n * d);
            dVectors.Clear();
            WordVectors(s.Words, vectors);
            for (var i = 0; i < n; i++)
            {
                Input(vectors, n, i, g.Input);
                Scores(g.Input, g.Logits);
                loss -= Math.Log(Math.Max(g.Logits[s.Tags[i]], 1e-30));
                g.Logits[s.Tags[i]] -= 1f;
                TensorPrimitives.Multiply(g.Logits, scale, g.Logits); // now dLogits
                g.DInput.AsSpan().Clear();
                for (var t = 0; t < Tags; t++)
                {
                    var dW = g.DWeights.AsSpan(t * InputSize, InputSize);
                    TensorPrimitives.MultiplyAdd(g.Input, g.Logits[t], dW, dW);
                    TensorPrimitives.MultiplyAdd(Weights.AsSpan(t * InputSize, InputSize), g.Logits[t], g.DInput, g.DInput);
                }

                TensorPrimitives.Add(g.DBias, g.Logits, g.DBias);
                for (var k = 0; k < Window; k++)
                {
                    var j = i - Radius + k;
                    var target = j < 0 || j >= n ? g.DPadding.AsSpan() : dVectors.Slice(j * d, d);
                    TensorPrimitives.Add(target, g.DInput.AsSpan(k * d, d), target);
                }
            }

            for (var j = 0; j < n; j++)
            {
                var rows = s.Words[j];
                if (rows.Length == 0) continue;
                var share = 1f / rows.Length;
                foreach (var r in rows)
                {
                    var row = g.RowForWrite(r);
                    TensorPrimitives.MultiplyAdd(dVectors.Slice(j * d, d), share, row, row);
                }
            }
        }

        return loss / total;
    }

    /// <summary>Concatenation of the vectors of words i−R..i+R (padding past the ends) into x.</summary>
    private void Input(ReadOnlySpan<float> vectors, int n, int i, Span<float> x)
    {
        var d = Dimension;
        for (var k = 0; k < Window; k++)
        {
            var j = i - Radius + k;
            (j < 0 || j >= n ? Padding.AsSpan() : vectors.Slice(j * d, d)).CopyTo(x.Slice(k * d, d));
        }
    }

    private void Scores(ReadOnlySpan<float> x, Span<float> probabilities)
    {
        for (var t = 0; t < Tags; t++) probabilities[t] = TensorPrimitives.Dot(Weights.AsSpan(t * InputSize, InputSize), x) + Bias[t];
        TensorPrimitives.SoftMax(probabilities, probabilities);
    }

    private void Check(TaggedRows s)
    {
        if (s.Words.Length != s.Tags.Length) throw new ArgumentException($"A sentence has {s.Words.Length} words but {s.Tags.Length} tags.", nameof(s));
        foreach (var t in s.Tags)
        {
            if ((uint)t >= (uint)Tags) throw new ArgumentException($"Tag index {t} is outside 0..{Tags - 1}.", nameof(s));
        }

        foreach (var rows in s.Words)
        {
            foreach (var r in rows)
            {
                if ((uint)r >= (uint)Rows) throw new ArgumentException($"Row {r} is outside the table (0..{Rows - 1}).", nameof(s));
            }
        }
    }
}
