import { Controller, Get, HttpException, Param, Req, Res } from '@nestjs/common';
import { AuthError, type RequestIdentity, SignedIn } from '@pilote/auth';
import { currentAsOf } from '@pilote/core';
import type { Response } from 'express';
import { WorkflowRunner } from '../graphql/workflow-runner';
import { boardCsv } from './campaign-board-csv';
import { campaignBoard, visibleCampaign } from './campaign.service';

/** `GET /api/v1/campaigns/:id/board.csv`: every expected value of a campaign with its status (whoever may see the campaign). */
@Controller('api/v1/campaigns')
export class CampaignBoardController {
  constructor(private readonly runner: WorkflowRunner) {}

  @Get(':id/board.csv')
  @SignedIn('the service refuses a campaign the caller cannot see, as campaignBoard does')
  async csv(@Req() req: { identity?: RequestIdentity }, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const db = this.runner.kit.dataSource.manager;
    try {
      if (!req.identity?.userId) throw new AuthError(401, 'UNAUTHENTICATED', 'Sign in (or send an API token) to read this campaign.');
      const campaign = await visibleCampaign(db, req.identity, id);
      const board = await campaignBoard(db, campaign, currentAsOf());
      const slug = campaign.name.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'campaign';
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${slug}-${currentAsOf()}.csv"`);
      res.setHeader('cache-control', 'no-store');
      res.send(`\uFEFF${boardCsv(board.cells)}`); // BOM: spreadsheets then read UTF-8 accents right
    } catch (error) {
      if (error instanceof AuthError) throw new HttpException(error.toJSON(), error.status);
      throw error;
    }
  }
}
