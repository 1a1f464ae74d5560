using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ReportGen.Bench;

/// <summary>The runtime's GC allocation ticks (about one per 100 KB allocated), summed by type while <see cref="On"/>.</summary>
internal sealed class AllocTicks : EventListener
{
    public ConcurrentDictionary<string, long> Types { get; } = new();

    public bool On { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var i = e.PayloadNames!.IndexOf("TypeName");
        var amount = e.PayloadNames.IndexOf("AllocationAmount64");
        var name = i >= 0 ? e.Payload[i]?.ToString() ?? "?" : "?";
        Types.AddOrUpdate(name, Convert.ToInt64(e.Payload[amount], System.Globalization.CultureInfo.InvariantCulture), (_, v) => v + Convert.ToInt64(e.Payload[amount], System.Globalization.CultureInfo.InvariantCulture));
    }
}
