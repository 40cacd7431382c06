import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { JobRunsDto } from './dto/job-run.dto';
import { listJobRuns } from './job-runs.query';
import { JobsService } from './jobs.service';

@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: JobRunsDto })
  async list(): Promise<JobRunsDto> {
    const [runs, failures] = await Promise.all([
      listJobRuns(this.dataSource, false, 50),
      listJobRuns(this.dataSource, true, 50),
    ]);
    return { running: this.jobs.running, runs, failures };
  }
}
