import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import { CaseTagsService } from './case-tags.service';
import { AddCaseTagDto, CaseTagsDto, TagInUseDto } from './dto/work.dto';

@ApiTags('work')
@Controller('cases')
export class CaseTagsController {
  constructor(private readonly tags: CaseTagsService) {}

  @Get('tags')
  @ApiOkResponse({ type: [TagInUseDto], description: 'The tags on any case, most used first (for autocomplete)' })
  inUse(): Promise<TagInUseDto[]> {
    return this.tags.inUse();
  }

  @Post(':id/tags')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseTagsDto, description: 'The case’s tags; adding one it has changes nothing' })
  @ApiUnprocessableEntityResponse({ description: 'The case has the most tags a case can hold (code case_tags_full)' })
  add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddCaseTagDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseTagsDto> {
    return this.tags.add(id, dto.tag, ctx);
  }

  @Delete(':id/tags/:tag')
  @ApiOkResponse({ type: CaseTagsDto, description: 'The case’s tags; removing one it does not have changes nothing' })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tag') tag: string,
    @RequestContext() ctx: RequestContext,
  ): Promise<CaseTagsDto> {
    return this.tags.remove(id, tag, ctx);
  }
}
