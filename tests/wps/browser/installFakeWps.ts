/**
 * Browser entry for the WPS task-pane test: puts a fake ET `Application` (and a `wps` global) on window
 * before the pane starts, as WPS does inside a 加载项 page. Bundled by tests/wps/paneInWps.e2e.test.ts.
 */
import { Grid, GridInit } from '../../../src/core/grid';
import { FakeApplication, FakeEtOptions } from '../fakeEt';

interface FakeWpsWindow {
  installFakeWps(grids: GridInit[], active: number, options?: FakeEtOptions): FakeApplication;
  Application?: FakeApplication;
  wps?: unknown;
}

(window as unknown as FakeWpsWindow).installFakeWps = (grids, active, options) => {
  const app = FakeApplication.fromGrids(
    grids.map((g) => new Grid(g)),
    active,
    options,
  );
  const w = window as unknown as FakeWpsWindow;
  w.Application = app;
  w.wps = { EtApplication: () => app };
  return app;
};
