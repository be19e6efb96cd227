using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace EmbedDashboard.Inference.Engine;

public sealed partial class OnnxSentenceEncoder
{
    /// <summary>Receives one row's hidden states [seq, dim] and attention mask [seq] (padding positions are 0).</summary>
    private delegate void RowHandler(int row, ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask);

    /// <summary>As <see cref="RowHandler"/>, for one of several requested outputs (its index in the request).</summary>
    private delegate void OutputRowHandler(int output, int row, ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask);

    private void RunBatch(List<IReadOnlyList<int>> batch, RowHandler handle) =>
        RunBatch(batch, [_outputName], (_, row, hidden, mask) => handle(row, hidden, mask));

    /// <summary>
    /// Pads one batch to its longest sequence, runs the session and hands each row's hidden states to the
    /// handler. Inputs are pooled arrays wrapped (not copied) by OrtValue, and only the inputs the model
    /// declares are passed, so a model without token_type_ids works too.
    /// </summary>
    private void RunBatch(List<IReadOnlyList<int>> batch, string[] outputNames, OutputRowHandler handle)
    {
        var rows = batch.Count;
        var seq = batch.Max(b => b.Count);
        var size = rows * seq;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var types = ArrayPool<long>.Shared.Rent(size);
        var inputs = new Dictionary<string, OrtValue>(_inputNames.Length, StringComparer.Ordinal);
        try
        {
            // Rented arrays hold old data: padding must be id 0 ([PAD]) with mask 0, and segment ids are all 0.
            Array.Clear(ids, 0, size);
            Array.Clear(mask, 0, size);
            Array.Clear(types, 0, size);
            for (var r = 0; r < rows; r++)
            {
                for (var t = 0; t < batch[r].Count; t++)
                {
                    ids[r * seq + t] = batch[r][t];
                    mask[r * seq + t] = 1;
                }
            }

            long[] shape = [rows, seq];
            foreach (var name in _inputNames)
            {
                var buffer = name switch
                {
                    "input_ids" => ids,
                    "attention_mask" => mask,
                    "token_type_ids" => types,
                    _ => throw new InvalidOperationException($"Model input '{name}' is not one of input_ids, attention_mask, token_type_ids."),
                };
                inputs[name] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<long>(buffer, 0, size), shape);
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, inputs, outputNames);
            var dim = Info.Dimension;
            for (var o = 0; o < outputNames.Length; o++)
            {
                var hidden = outputs[o].GetTensorDataAsSpan<float>();
                for (var r = 0; r < rows; r++)
                {
                    handle(o, r, hidden.Slice(r * seq * dim, seq * dim), mask.AsSpan(r * seq, seq));
                }
            }
        }
        finally
        {
            foreach (var value in inputs.Values) value.Dispose();
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
        }
    }
}
