using Microsoft.AspNetCore.Html;
using Portal.Core.Requests;

namespace Portal.Web.Features.Requests;

/// <summary>A request in a list: enough to recognise it and see where it is.</summary>
public sealed record RequestRow(
    Guid Id, string Question, RequestState State, string WorkStreamTitle, string RequesterName, DateOnly EffectiveDeadline, bool Overdue, DateTimeOffset UpdatedAt)
{
    public static RequestRow From(EvidenceRequest request, string workStreamTitle, string requesterName, DateTimeOffset now) =>
        new(request.Id, request.Details.Question, request.State, workStreamTitle, requesterName, request.EffectiveDeadline(now), request.IsOverdue(now), request.UpdatedAt);
}

/// <summary>How states read to people, and the NHS.UK tag that shows each one.</summary>
public static class RequestStates
{
    public static string Label(RequestState state) => state switch
    {
        RequestState.AwaitingRequester => "Awaiting requester",
        RequestState.InReview => "In review",
        _ => state.ToString(),
    };

    public static IHtmlContent Tag(RequestState state)
    {
        var colour = state switch
        {
            RequestState.Draft => "grey",
            RequestState.Submitted => "blue",
            RequestState.Claimed => "purple",
            RequestState.AwaitingRequester => "yellow",
            RequestState.InReview => "aqua-green",
            RequestState.Delivered => "green",
            RequestState.Closed => "white",
            _ => "red",
        };
        return new HtmlString($"<strong class=\"nhsuk-tag nhsuk-tag--{colour}\">{Label(state)}</strong>");
    }
}
