// The explorer page's script: renders GraphiQL (the UMD globals React, ReactDOM and GraphiQL, served
// by the gateway from its own dependencies) over the endpoint the page was served from. Its settings
// come in a JSON block of the page, so the Content-Security-Policy can forbid inline scripts.
(function () {
  const settings = JSON.parse(document.getElementById("explorer-settings").textContent);
  // A plain JSON POST: it passes Apollo Server's CSRF prevention, and the gateway has no @defer to stream.
  const fetcher = GraphiQL.createFetcher({ url: window.location.pathname, enableIncrementalDelivery: false });
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, { fetcher, defaultQuery: settings.defaultQuery }));
})();
