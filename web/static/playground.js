// Mounts GraphiQL (served from this binary, see web/assets) on the factgraph
// endpoint, with one tab per example question. GraphiQL keeps the tabs a user
// edits in localStorage; the examples are the tabs of a first visit.
(function () {
  var root = document.getElementById('graphiql');
  var tabs = JSON.parse(root.dataset.tabs);
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: root.dataset.endpoint }),
      defaultTabs: tabs,
      defaultQuery: tabs.length ? tabs[0].query : undefined,
      defaultEditorToolsVisibility: false,
    })
  );
})();
